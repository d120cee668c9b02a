namespace ScribeBot.Tests.Web;

/// <summary>Just enough HTML reading for the page tests: the pages mark their rows with data attributes.</summary>
internal static partial class Html
{
    /// <summary>The incident ids of the list's rows, in page order.</summary>
    public static List<string> IncidentRows(string html) =>
        IncidentRow().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    /// <summary>The markup of the list row of <paramref name="incidentId"/>.</summary>
    public static string RowOf(string html, string incidentId)
    {
        var match = Regex.Match(html, $"<tr data-incident=\"{Regex.Escape(WebUtility.HtmlEncode(incidentId))}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No row for {incidentId}.");
        return match.Groups[1].Value;
    }

    /// <summary>The text of each cell of a row, tags stripped, whitespace collapsed, entities decoded.</summary>
    public static List<string> Cells(string rowHtml) =>
        Cell().Matches(rowHtml).Select(m => Text(m.Groups[1].Value)).ToList();

    /// <summary>The timeline's entry ids in page order, and each entry's markup.</summary>
    public static List<(string Id, string Html)> Entries(string html) =>
        Entry().Matches(html).Select(m => (WebUtility.HtmlDecode(m.Groups[1].Value), m.Groups[2].Value)).ToList();

    /// <summary>Every inline <c>&lt;svg&gt;</c>, parsed as XML (which fails unless it is well-formed).</summary>
    public static List<XElement> Svgs(string html) =>
        SvgBlock().Matches(html).Select(m => XDocument.Parse(m.Value).Root!).ToList();

    /// <summary>The cells of a table's body rows (by the table's id), the row header first, as text.</summary>
    public static List<string[]> TableRows(string html, string tableId)
    {
        var table = Regex.Match(html, $"<table[^>]*id=\"{Regex.Escape(tableId)}\"[^>]*>.*?</table>", RegexOptions.Singleline);
        Assert.True(table.Success, $"no table #{tableId}");
        var body = Regex.Match(table.Value, "<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;
        return Regex.Matches(body, "<tr>(.*?)</tr>", RegexOptions.Singleline)
            .Select(row => Regex.Matches(row.Groups[1].Value, "<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)
                .Select(cell => Text(cell.Groups[1].Value))
                .ToArray())
            .ToList();
    }

    public static string Text(string html) =>
        WebUtility.HtmlDecode(Whitespace().Replace(Tag().Replace(html, " "), " ").Trim());

    [GeneratedRegex("<tr data-incident=\"([^\"]+)\">")]
    private static partial Regex IncidentRow();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<tr class=\"entry[^\"]*\" data-entry=\"([^\"]+)\">(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Entry();

    [GeneratedRegex("<svg .*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgBlock();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
