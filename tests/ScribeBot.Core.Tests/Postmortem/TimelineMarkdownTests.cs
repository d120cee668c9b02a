using static ScribeBot.Core.Tests.Postmortem.Scenarios;

namespace ScribeBot.Core.Tests.Postmortem;

public sealed class TimelineMarkdownTests
{
    [Fact]
    public void Timeline_so_far_of_an_open_incident_has_only_the_timeline_section()
    {
        var declared = new DateTimeOffset(2026, 3, 2, 13, 10, 0, TimeSpan.Zero);
        var incident = NewIncident(4, "Login <b>slow</b>", declared, Alice);
        var log = new EntryList(incident.Id);
        log.Say(declared.AddMinutes(1), Priya, "just chatting");
        log.Say(declared.AddMinutes(2), Bo, "failover started", TimelineTag.Action);

        var markdown = TimelineMarkdown.Render(incident, log.Entries);

        Assert.StartsWith("# INC-4: Login &lt;b&gt;slow&lt;/b&gt;\n\nSEV2 · Ongoing (not acknowledged) · Times in Europe/Berlin\n\n## Timeline\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- 14:12 - **Action** - Bo Chen: failover started", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("just chatting", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("## Appendix", markdown, StringComparison.Ordinal);
    }
}
