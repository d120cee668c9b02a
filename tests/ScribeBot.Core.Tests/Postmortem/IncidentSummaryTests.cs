using ScribeBot.Core.Postmortem;
using static ScribeBot.Core.Tests.Postmortem.Scenarios;

namespace ScribeBot.Core.Tests.Postmortem;

public sealed class IncidentSummaryTests
{
    [Fact]
    public void Open_incident_summary_shows_elapsed_time_counts_and_missing_facts()
    {
        var incident = NewIncident(5, "Checkout slow", Declared, Alice) with
        {
            Commander = Alice,
            Acknowledged = new Milestone(Declared.AddMinutes(4), Bo),
            Status = IncidentStatus.Acknowledged,
            Impact = "slow checkout",
        };
        var log = new EntryList(incident.Id);
        log.Say(Declared.AddMinutes(5), Bo, "cdn?", TimelineTag.Misleading);
        log.Say(Declared.AddMinutes(6), Bo, "not the cdn", TimelineTag.Misleading);
        var deleted = log.Say(Declared.AddMinutes(7), Bo, "oops", TimelineTag.Action);
        log.Delete(deleted);

        var summary = IncidentSummary.Build(incident, log.Entries, Declared.AddMinutes(90));

        var lines = summary.ToPlainString().Split('\n');
        Assert.Equal("INC-5: Checkout slow - SEV2, ongoing (acknowledged)", lines[0]);
        Assert.Equal("Commander: Alice Ng", lines[1]);
        Assert.Equal("Open for 1 hour, 30 minutes, since Mon, Mar 2, 2026, 14:10 Europe/Berlin (CET).", lines[2]);
        Assert.Equal("MTTA: 4 minutes", lines[3]);
        Assert.Equal("MTTR: ongoing", lines[4]);
        Assert.Equal("Tagged: misleading 2", lines[5]);
        Assert.Equal(["", "Missing:"], lines[6..8]);
        Assert.StartsWith("[detection time not recorded", lines[8], StringComparison.Ordinal);
        var missing = summary.Runs.Where(r => r.Style == RunStyle.Placeholder).Select(r => r.Text).ToList();
        Assert.DoesNotContain(missing, m => m.Contains("impact not recorded", StringComparison.Ordinal));
        Assert.Contains(missing, m => m.Contains("/incident rootcause", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolved_incident_summary_states_MTTR()
    {
        var (incident, entries) = PaymentsOutage();

        var text = IncidentSummary.Build(incident, entries, incident.Resolved!.At.AddDays(1)).ToPlainString();

        Assert.Contains("MTTA: 1 minute, 45 seconds\nMTTR: 1 hour, 19 minutes\n", text, StringComparison.Ordinal);
        Assert.Contains("Tagged: detection 1, action 3, misleading 4, escalation 2, root cause 1, resolution 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Missing", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_is_one_group_of_facts_one_per_line_then_the_missing_facts_one_per_line()
    {
        var incident = NewIncident(5, "Checkout slow", Declared, Alice) with { Commander = Alice };

        var groups = ChatTextLayout.Groups(IncidentSummary.Build(incident, [], Declared.AddMinutes(10)));

        Assert.Equal(2, groups.Count);
        Assert.Equal(
            ["INC-5: Checkout slow - SEV2, ongoing (not acknowledged)", "Commander: Alice Ng", "Open for 10 minutes, since Mon, Mar 2, 2026, 14:10 Europe/Berlin (CET).",
             "MTTA: [not acknowledged - /incident ack]", "MTTR: ongoing", "Tagged: no tagged events yet"],
            groups[0].Select(line => line.ToPlainString()));
        Assert.Equal("Missing:", groups[1][0].ToPlainString());
        Assert.All(groups[1].Skip(1), line => Assert.Equal(RunStyle.Placeholder, Assert.Single(line.Runs).Style));
        Assert.Equal(6, groups[1].Count);
    }
}
