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
        "weekday", "weekend", "click", "acctitle", "accdescr", "inclusiveenddates", "topaxis", "displaymode", "call",
    ];

    /// <summary>The Mermaid source, without the surrounding code fence.</summary>
    public static string Render(PostmortemDiagram diagram)
    {
        var builder = new StringBuilder(256 + (diagram.Events.Count * 80));
        builder.Append("gantt\n");
        builder.Append("    title ").Append(Sanitise(diagram.Title)).Append('\n');
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
                builder.Append("    ").Append(Sanitise(phase.Label)).Append(" :")
                    .Append(phase.Ongoing ? "active, " : "done, ")
                    .Append('p').Append(++n).Append(", ")
                    .Append(Format(phase.Start)).Append(", ").Append(Format(phase.End)).Append('\n');
            }
        }

        var id = 0;
        foreach (var group in diagram.Events.GroupBy(e => e.Kind))
        {
            builder.Append("    section ").Append(Sanitise(group.Key)).Append('\n');
            foreach (var e in group)
            {
                builder.Append("    ").Append(Sanitise(e.Label)).Append(" :milestone, e").Append(++id).Append(", ")
                    .Append(Format(e.At)).Append(milestoneLength);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Keeps letters, digits, spaces and <c>. , - _ / + = ? ' !</c>; everything else (<c>: ; # %</c>, brackets,
    /// quotes, backticks, newlines) becomes a space, since each can end a label, start a comment or an entity, or
    /// break the line. Whitespace collapses; a label that would read as a gantt keyword is prefixed; the result
    /// is cut at <see cref="MaxLabelLength"/>.
    /// </summary>
    public static string Sanitise(string label)
    {
        var builder = new StringBuilder(Math.Min(label.Length, MaxLabelLength + 8));
        var space = false;
        foreach (var c in label)
        {
            var keep = char.IsLetterOrDigit(c) || c is '.' or ',' or '-' or '_' or '/' or '+' or '=' or '?' or '\'' or '!';
            if (!keep)
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

        var firstWord = text.Split(' ', 2)[0];
        return Keywords.Contains(firstWord, StringComparer.OrdinalIgnoreCase) ? "- " + text : text;
    }
}
