using System.Globalization;
using System.Text.RegularExpressions;

namespace ScribeBot.Core.Tests.Postmortem;

public sealed partial class MermaidGanttTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 14, 5, 0, TimeSpan.FromHours(1));

    [Theory]
    [InlineData("db: pool; exhausted # really")]
    [InlineData("line1\nsection Evil\nline3")]
    [InlineData("`code` [link](x) {brace} (paren) <tag> \"quoted\" %%comment")]
    [InlineData("click e1 href \"javascript:alert(1)\"")]
    [InlineData("%%{init: {'theme':'dark'}}%%")]
    [InlineData("5% of requests failed")]
    [InlineData("2026-03-02 deploy went out")]
    [InlineData("gantt")]
    [InlineData("```\n# heading outside the fence @channel")]
    public void Event_labels_cannot_break_out_of_their_task_line(string hostile)
    {
        var diagram = new PostmortemDiagram("INC-1: t", [], [new DiagramEvent("Action", hostile, At)]);

        var lines = MermaidGantt.Render(diagram).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var task = Assert.Single(lines, l => l.Contains(":milestone", StringComparison.Ordinal));
        Assert.Equal(6, lines.Length); // gantt, title, dateFormat, axisFormat, section, the task
        var label = task.Trim()[..task.Trim().IndexOf(" :milestone", StringComparison.Ordinal)];

        // Mermaid's gantt lexer ends a task's text at ':', '#' and ';', and '%' may start a comment; a backtick can close
        // the Markdown fence, and the file carries no tag-like text or mention: outside entity codes none may remain.
        var outsideCodes = EntityCode().Replace(label, "");
        Assert.DoesNotContain(outsideCodes, c => c is ':' or ';' or '#' or '%' or '`' or '<' or '>' or '@');
        Assert.False(DateStart().IsMatch(label) || label.StartsWith("section", StringComparison.OrdinalIgnoreCase)
            || label.StartsWith("click", StringComparison.OrdinalIgnoreCase) || label.StartsWith("gantt", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Bo Chen - error rate 0.1%, p99 up", "Bo Chen - error rate 0.1#37;, p99 up")]
    [InlineData("Alice Ng - deploy at 11:30 rolled back", "Alice Ng - deploy at 11#58;30 rolled back")]
    [InlineData("Lee Park - see ticket #4711", "Lee Park - see ticket #35;4711")]
    [InlineData("Sam - pool exhausted; retrying", "Sam - pool exhausted#59; retrying")]
    [InlineData("Sam - \"it's the cache\", they said", "Sam - \"it's the cache\", they said")]
    [InlineData("Zoë Åström - 東京 region (eu-west) [degraded]", "Zoë Åström - 東京 region (eu-west) [degraded]")]
    [InlineData("Bo - <b>@here</b> `x`", "Bo - #60;b#62;#64;here#60;/b#62; #96;x#96;")]
    public void Labels_keep_the_text_as_typed_with_only_what_gantt_cannot_take_as_entity_codes(string typed, string expected)
    {
        var escaped = MermaidGantt.Escape(typed);

        Assert.Equal(expected, escaped);
        Assert.Equal(typed, Decoded(escaped));
    }

    [Fact]
    public void The_title_keeps_its_colon()
    {
        var source = MermaidGantt.Render(new PostmortemDiagram("INC-7: Checkout 502s", [], []));

        Assert.Contains("    title INC-7#58; Checkout 502s\n", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_labels_are_cut_with_an_ellipsis_before_any_code_so_none_is_cut_in_half()
    {
        Assert.Equal(MermaidGantt.MaxLabelLength, MermaidGantt.Escape(new string('a', 200)).Length);
        Assert.EndsWith("…", MermaidGantt.Escape(new string('a', 200)), StringComparison.Ordinal);

        var escaped = MermaidGantt.Escape(new string('a', MermaidGantt.MaxLabelLength - 3) + ":::::");

        Assert.EndsWith("#58;…", escaped, StringComparison.Ordinal);
        Assert.Equal(MermaidGantt.MaxLabelLength, Decoded(escaped).Length);
    }

    [Fact]
    public void Ordinary_words_and_versions_are_unchanged()
    {
        Assert.Equal("Marcus Feld - rollback to 2.14.2 done, 12 pods", MermaidGantt.Escape("Marcus Feld - rollback to 2.14.2 done, 12 pods"));
    }

    [Fact]
    public void Times_are_the_incident_wall_clock_times()
    {
        var diagram = new PostmortemDiagram("INC-1", [new DiagramPhase("Declared to resolved", At, At.AddMinutes(80), false)], []);

        Assert.Contains("Declared to resolved :done, p1, 2026-03-02 14:05, 2026-03-02 15:25", MermaidGantt.Render(diagram), StringComparison.Ordinal);
    }

    // What Mermaid draws: it turns "#<decimal>;" back into the character.
    private static string Decoded(string label) =>
        EntityCode().Replace(label, m => ((char)int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToString());

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}")]
    private static partial Regex DateStart();

    [GeneratedRegex("#([0-9]+);")]
    private static partial Regex EntityCode();
}
