namespace ScribeBot.Core.Tests.Postmortem;

public sealed class MermaidGanttTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 14, 5, 0, TimeSpan.FromHours(1));

    [Theory]
    [InlineData("db: pool; exhausted # really")]
    [InlineData("line1\nsection Evil\nline3")]
    [InlineData("`code` [link](x) {brace} (paren) <tag> \"quoted\" %%comment")]
    [InlineData("click e1 href \"javascript:alert(1)\"")]
    public void Event_labels_cannot_break_out_of_their_task_line(string hostile)
    {
        var diagram = new PostmortemDiagram("INC-1: t", [], [new DiagramEvent("Action", hostile, At)]);

        var lines = MermaidGantt.Render(diagram).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var task = Assert.Single(lines, l => l.Contains(":milestone", StringComparison.Ordinal));
        Assert.Equal(6, lines.Length); // gantt, title, dateFormat, axisFormat, section, the task
        var label = task.Trim()[..task.Trim().IndexOf(" :milestone", StringComparison.Ordinal)];
        Assert.DoesNotContain(label, c => c is ':' or ';' or '#' or '%' or '`' or '[' or ']' or '{' or '}' or '(' or ')' or '<' or '>' or '"');
        Assert.False(label.StartsWith("section", StringComparison.OrdinalIgnoreCase) || label.StartsWith("click", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Long_labels_are_cut_with_an_ellipsis()
    {
        var label = MermaidGantt.Sanitise(new string('a', 200));

        Assert.Equal(MermaidGantt.MaxLabelLength, label.Length);
        Assert.EndsWith("…", label, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitising_keeps_ordinary_words_and_versions()
    {
        Assert.Equal("Marcus Feld - rollback to 2.14.2 done, 12 pods", MermaidGantt.Sanitise("Marcus Feld - rollback to 2.14.2 done, 12 pods"));
    }

    [Fact]
    public void Times_are_the_incident_wall_clock_times()
    {
        var diagram = new PostmortemDiagram("INC-1", [new DiagramPhase("Declared to resolved", At, At.AddMinutes(80), false)], []);

        Assert.Contains("Declared to resolved :done, p1, 2026-03-02 14:05, 2026-03-02 15:25", MermaidGantt.Render(diagram), StringComparison.Ordinal);
    }
}
