using System.Buffers;
using System.Globalization;
using System.Text;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Postmortem.Markdown;

/// <summary>
/// Renders a <see cref="PostmortemDiagram"/> as a Mermaid <c>gantt</c> chart: a "Phases" section with a bar per
/// phase, then one section per event kind with a milestone per event, at local wall-clock times.
/// </summary>
public static class MermaidGantt
{
    /// <summary>Labels longer than this are cut with an ellipsis: a gantt row has little room.</summary>
    public const int MaxLabelLength = 48;

    // Lines starting with these words are gantt statements, not tasks.
    private static readonly string[] Keywords =
    [
        "section", "title", "dateformat", "axisformat", "tickinterval", "excludes", "includes", "todaymarker",
        "weekday", "weekend", "click", "acctitle", "accdescr", "accdescription", "inclusiveenddates", "topaxis",
        "displaymode", "call", "href", "gantt",
    ];

    private static readonly SearchValues<char> Coded = SearchValues.Create(":#;%`<>@");

    private static readonly string[] PrefixKeywords = ["gantt", "topaxis", "inclusiveenddates"];

    /// <summary>The Mermaid source, without the surrounding code fence.</summary>
    public static string Render(PostmortemDiagram diagram)
    {
        var builder = new StringBuilder(256 + (diagram.Events.Count * 80));
        builder.Append("gantt\n");
        builder.Append("    title ").Append(Escape(diagram.Title)).Append('\n');
        // A short incident's chart counts seconds (TimePrecision): at minutes its phases are bars of no length.
        var seconds = diagram.Precision.ShowsSeconds;
        builder.Append(seconds ? "    dateFormat YYYY-MM-DD HH:mm:ss\n" : "    dateFormat YYYY-MM-DD HH:mm\n");

        var times = diagram.Phases.SelectMany(p => new[] { p.Start, p.End }).Concat(diagram.Events.Select(e => e.At)).ToList();
        var multiDay = times.Count > 0 && times.Min().Date != times.Max().Date;
        var axis = seconds ? "%H:%M:%S" : "%H:%M";
        builder.Append("    axisFormat ").Append(multiDay ? "%b %d " : "").Append(axis).Append('\n');
        var dateFormat = seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm";
        var milestoneLength = seconds ? ", 1s\n" : ", 1m\n";
        string Format(DateTimeOffset at) => at.ToString(dateFormat, CultureInfo.InvariantCulture);

        if (diagram.Phases.Count > 0)
        {
            builder.Append("    section Phases\n");
            var n = 0;
            foreach (var phase in diagram.Phases)
            {
                builder.Append("    ").Append(Escape(phase.Label)).Append(" :")
                    .Append(phase.Ongoing ? "active, " : "done, ")
                    .Append('p').Append(++n).Append(", ")
                    .Append(Format(phase.Start)).Append(", ").Append(Format(phase.End)).Append('\n');
            }
        }

        var id = 0;
        foreach (var group in diagram.Events.GroupBy(e => e.Kind))
        {
            builder.Append("    section ").Append(Escape(group.Key)).Append('\n');
            foreach (var e in group)
            {
                builder.Append("    ").Append(Escape(e.Label)).Append(" :milestone, e").Append(++id).Append(", ")
                    .Append(Format(e.At)).Append(milestoneLength);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The label as typed, in one line, written so Mermaid's gantt grammar reads it as one task's text. Its lexer ends a
    /// task's text at <c>:</c> (the metadata follows), <c>#</c> (a comment) and <c>;</c> (a statement's end), and reads
    /// a line that starts with <c>%%</c>, or with any character and <c>%</c>, as a comment; so those four become
    /// Mermaid entity codes (<c>#58;</c>, <c>#35;</c>, <c>#59;</c>, <c>#37;</c>), which Mermaid turns back into the
    /// characters in the drawing: "0.1%" and "11:30" read as typed. Three more are coded for the Markdown file around
    /// the chart, not for Mermaid: a backtick (three would close the code fence), <c>&lt;</c> and <c>&gt;</c> (the file
    /// carries no tag-like text) and <c>@</c> (nor a broadcast mention), as the rest of the file escapes them. Line
    /// breaks and other control characters become spaces, whitespace collapses, a label that would read as a gantt
    /// statement is prefixed, and the text is cut at <see cref="MaxLabelLength"/> before it is encoded, so no code is
    /// cut in half.
    /// </summary>
    public static string Escape(string label)
    {
        var builder = new StringBuilder(Math.Min(label.Length, MaxLabelLength + 8));
        var space = false;
        foreach (var c in label)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
            if (builder.Length > MaxLabelLength)
            {
                break;
            }
        }

        var text = TextShortener.ShortenWithin(builder.ToString(), MaxLabelLength, trimEnd: true);
        if (text.Length == 0)
        {
            return "untitled";
        }

        if (ReadsAsStatement(text))
        {
            text = "- " + text;
        }

        return Encoded(text);
    }

    // The lexer tries its statement rules before a task's text: a first word that is a keyword, a keyword it matches
    // without a following space (gantt, topAxis, inclusiveEndDates), or a leading date would start another statement.
    private static bool ReadsAsStatement(string text)
    {
        var firstWord = text.Split(' ', 2)[0];
        return Keywords.Contains(firstWord, StringComparer.OrdinalIgnoreCase)
            || PrefixKeywords.Any(k => text.StartsWith(k, StringComparison.OrdinalIgnoreCase))
            || (text.Length >= 10 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2])
                && char.IsAsciiDigit(text[3]) && text[4] == '-' && char.IsAsciiDigit(text[5]) && char.IsAsciiDigit(text[6])
                && text[7] == '-' && char.IsAsciiDigit(text[8]) && char.IsAsciiDigit(text[9]));
    }

    private static string Encoded(string text)
    {
        if (text.AsSpan().IndexOfAny(Coded) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            var code = c switch
            {
                ':' => "#58;",
                '#' => "#35;",
                ';' => "#59;",
                '%' => "#37;",
                '`' => "#96;",
                '<' => "#60;",
                '>' => "#62;",
                '@' => "#64;",
                _ => null,
            };
            if (code is null)
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(code);
            }
        }

        return builder.ToString();
    }
}
