using System.Buffers;
using System.Text.RegularExpressions;

namespace ScribeBot.Teams.Tests.Rendering;

/// <summary>Reads rendered Teams HTML the strict way: as XML, so an unbalanced tag or a cut reference fails.</summary>
internal static partial class TeamsHtmlAssert
{
    private static readonly HashSet<string> AllowedTags = ["p", "b", "i", "code", "a", "br"];
    private static readonly SearchValues<char> MarkupCharacters = SearchValues.Create("*_~`#[]|\\@&<>\"'");

    /// <summary>
    /// Parses <paramref name="html"/> inside a root element. XML knows only numeric references and its five named
    /// ones, so this also fails on an HTML-only entity such as <c>&amp;nbsp;</c>.
    /// </summary>
    public static XElement Parse(string html) => XElement.Parse("<root>" + html + "</root>", LoadOptions.PreserveWhitespace);

    /// <summary>Well-formed, only our tags, links only to http(s), and no raw character that Markdown could read as syntax.</summary>
    public static void WellFormedAndInert(string html)
    {
        var root = Parse(html);
        foreach (var element in root.Descendants())
        {
            Assert.Contains(element.Name.LocalName, AllowedTags);
            if (element.Name.LocalName == "a")
            {
                var href = Assert.Single(element.Attributes());
                Assert.Equal("href", href.Name.LocalName);
                Assert.Matches("^https?://", href.Value);
            }
            else
            {
                Assert.Empty(element.Attributes());
            }
        }

        var text = Reference().Replace(Tag().Replace(html, ""), "");
        var raw = text.AsSpan().IndexOfAny(MarkupCharacters);
        Assert.True(raw < 0, $"raw '{(raw < 0 ? ' ' : text[raw])}' in: {html[..Math.Min(html.Length, 300)]}");
        Assert.DoesNotContain(text, char.IsControl);
    }

    /// <summary>What a reader sees: references decoded, a newline for every <c>&lt;br/&gt;</c> and after every paragraph.</summary>
    public static string PlainText(string html)
    {
        var builder = new StringBuilder(html.Length);
        foreach (var node in Parse(html).Nodes())
        {
            Append(builder, node);
        }

        return builder.ToString();
    }

    /// <summary>
    /// The plain text of a series of messages read as one: each continuation message's first line ("title (continued
    /// 2/3)") is left out and a cut line is joined back where its "(continued)" marker stands.
    /// </summary>
    public static string PlainTextOfAll(IReadOnlyList<string> messages)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < messages.Count; i++)
        {
            var text = PlainText(messages[i]);
            if (i > 0)
            {
                Assert.Matches($@"^[^\n]*\(continued {i + 1}/{messages.Count}\)\n", text);
                text = text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..];
            }

            builder.Append(text);
        }

        return builder.Replace("\n(continued) ", "").ToString();
    }

    /// <summary>Every link target, decoded.</summary>
    public static IEnumerable<string> Hrefs(string html) =>
        Parse(html).Descendants("a").Select(a => (string)a.Attribute("href")!);

    private static void Append(StringBuilder builder, XNode node)
    {
        switch (node)
        {
            case XText text:
                builder.Append(text.Value);
                break;
            case XElement { Name.LocalName: "br" }:
                builder.Append('\n');
                break;
            case XElement element:
                foreach (var child in element.Nodes())
                {
                    Append(builder, child);
                }

                if (element.Name.LocalName == "p")
                {
                    builder.Append('\n');
                }

                break;
        }
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("&(?:#[0-9]+|amp|lt|gt|quot|apos);")]
    private static partial Regex Reference();
}
