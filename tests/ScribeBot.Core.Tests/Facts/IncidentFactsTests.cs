using ScribeBot.Core.Facts;
using ScribeBot.Core.Metrics;
using ScribeBot.Core.Postmortem;
using static ScribeBot.Core.Tests.Postmortem.Scenarios;

namespace ScribeBot.Core.Tests.Facts;

public sealed class IncidentFactsTests
{
    private static Incident Open() => NewIncident(5, "Checkout 502", Declared, Alice);

    private static Incident Resolved(int minutes = 60) =>
        Open() with { Status = IncidentStatus.Resolved, Resolved = new Milestone(Declared.AddMinutes(minutes), Alice, "resolve-1") };

    [Fact]
    public void Detection_is_the_recorded_time_over_a_tagged_message()
    {
        var incident = Open().RecordDetection(new Milestone(Declared.AddMinutes(-3), Alice, "req-7"), "Datadog monitor");
        var log = new EntryList(incident.Id);
        log.Say(Declared.AddMinutes(-8), Bo, "p99 through the roof", TimelineTag.Detection);

        var detection = IncidentFacts.Of(incident, log.Entries).Detection;

        Assert.Equal((Declared.AddMinutes(-3), DetectionSource.Command, "Datadog monitor"), (detection.At, detection.Source, detection.Method));
    }

    [Fact]
    public void Detection_by_a_page_is_told_apart_from_a_command()
    {
        var incident = Open().RecordDetection(new Milestone(Declared.AddMinutes(-3), Alice, "page:pagerduty:Q1/triggered"), "PagerDuty page: api");

        Assert.Equal(DetectionSource.Page, IncidentFacts.DetectionOf(incident, []).Source);
    }

    [Fact]
    public void Without_a_recorded_time_the_first_kept_detection_tagged_message_is_the_detection_and_its_time_starts_the_outage()
    {
        var log = new EntryList(Open().Id);
        var deleted = log.Say(Declared.AddMinutes(-9), Bo, "false alarm", TimelineTag.Detection);
        log.Delete(deleted);
        log.Say(Declared.AddMinutes(-6), Bo, "p99 through the roof", TimelineTag.Detection);
        log.Say(Declared.AddMinutes(-2), Priya, "same here", TimelineTag.Detection);

        var facts = IncidentFacts.Of(Resolved(), log.Entries);

        Assert.Equal((Declared.AddMinutes(-6), DetectionSource.TaggedMessage, Bo), (facts.Detection.At, facts.Detection.Source, facts.Detection.By));
        Assert.Equal(new IncidentInstant(IncidentFact.Detected, Declared.AddMinutes(-6)), facts.ImpactStart);
        Assert.Equal(TimeSpan.FromMinutes(66), facts.Times.Outage!.Value.Value);
    }

    [Fact]
    public void A_detection_tagged_after_the_declaration_does_not_start_the_outage()
    {
        var log = new EntryList(Open().Id);
        log.Say(Declared.AddMinutes(3), Bo, "seeing it too", TimelineTag.Detection);

        var facts = IncidentFacts.Of(Resolved(), log.Entries);

        Assert.Equal(DetectionSource.TaggedMessage, facts.Detection.Source);
        Assert.Equal(new IncidentInstant(IncidentFact.Declared, Declared), facts.ImpactStart);
    }

    [Fact]
    public void Nothing_recorded_leaves_the_declaration_standing_in_and_status_lists_the_detection_time_as_missing()
    {
        var facts = IncidentFacts.Of(Open(), []);

        Assert.Equal((Declared, DetectionSource.NotRecorded, false), (facts.Detection.At, facts.Detection.Source, facts.Detection.IsKnown));
        Assert.Contains(Placeholders.DetectionTime, IncidentSummary.Build(Open(), [], Declared.AddMinutes(5)).ToPlainString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_tagged_detection_is_not_listed_as_missing_in_status()
    {
        var log = new EntryList(Open().Id);
        log.Say(Declared.AddMinutes(2), Bo, "p99 through the roof", TimelineTag.Detection);

        var status = IncidentSummary.Build(Open(), log.Entries, Declared.AddMinutes(5)).ToPlainString();

        Assert.DoesNotContain(Placeholders.DetectionTime, status, StringComparison.Ordinal);
        Assert.Contains(Placeholders.DetectionMethod, status, StringComparison.Ordinal);
    }

    [Fact]
    public void Recovery_prefers_the_command_then_the_latest_tagged_message_then_the_page()
    {
        var page = new Milestone(Declared.AddMinutes(50), Alice, "page:pagerduty:E9");
        var command = new Milestone(Declared.AddMinutes(35), Bo, "req-9");
        var log = new EntryList(Open().Id);
        log.Say(Declared.AddMinutes(30), Bo, "error rate dropping", TimelineTag.Resolution);
        log.Say(Declared.AddMinutes(40), Bo, "back to normal for five minutes", TimelineTag.Resolution);

        var byPage = Resolved().RecordPageRecovery(page);
        Assert.Equal((Declared.AddMinutes(50), RecoverySource.Page), Recovery(byPage, []));
        Assert.Equal((Declared.AddMinutes(40), RecoverySource.TaggedMessage), Recovery(byPage, log.Entries));

        // A person's recovery wins over the message; a page never replaces it.
        var byCommand = Open().RecordRecovery(command, Declared.AddMinutes(45)).Incident.RecordPageRecovery(page);
        Assert.Equal((Declared.AddMinutes(35), RecoverySource.Command), Recovery(byCommand, log.Entries));

        static (DateTimeOffset, RecoverySource) Recovery(Incident incident, IReadOnlyList<TimelineEntry> entries) =>
            IncidentFacts.Of(incident, entries).Recovery is { } r ? (r.At, r.Source) : throw new InvalidOperationException("no recovery");
    }

    [Fact]
    public void Only_peoples_messages_tagged_resolution_within_the_outage_count_as_recovery()
    {
        var log = new EntryList(Open().Id);
        log.Command(Declared.AddMinutes(20), Alice, "Resolution: rolled back", TimelineTag.Resolution);
        log.Say(Declared.AddMinutes(-20), Bo, "fixed the last one", TimelineTag.Resolution);
        log.Say(Declared.AddMinutes(70), Bo, "writing it up: fixed by the rollback", TimelineTag.Resolution);

        var facts = IncidentFacts.Of(Resolved(60), log.Entries);

        Assert.Null(facts.Recovery);
        Assert.Equal(new IncidentInstant(IncidentFact.Resolved, Declared.AddMinutes(60)), facts.ImpactEnd);
    }

    [Fact]
    public void The_outage_is_measured_to_the_recovery_and_time_lost_ends_there_too()
    {
        var log = new EntryList(Open().Id);
        log.Say(Declared.AddMinutes(10), Bo, "must be the CDN", TimelineTag.Misleading);
        log.Say(Declared.AddMinutes(25), Bo, "graphs back to normal", TimelineTag.Resolution);

        var facts = IncidentFacts.Of(Resolved(60), log.Entries);

        Assert.Equal(TimeSpan.FromMinutes(25), facts.Times.Outage!.Value.Value);
        Assert.Equal(TimeSpan.FromMinutes(60), facts.Times.ToResolve!.Value.Value);
        Assert.Equal(TimeSpan.FromMinutes(15), TimeLost.Of(facts).Total);
    }

    [Fact]
    public void Root_cause_is_found_at_the_first_entry_tagged_so_up_to_the_resolve()
    {
        var log = new EntryList(Open().Id);
        log.Command(Declared.AddMinutes(40), Alice, "Root cause: pool exhausted", TimelineTag.RootCause);
        log.Say(Declared.AddMinutes(30), Priya, "every connection is in use", TimelineTag.RootCause);

        Assert.Equal(Declared.AddMinutes(30), IncidentFacts.Of(Resolved(), log.Entries).RootCauseFound!.At);
        Assert.Equal(TimeSpan.FromMinutes(30), ResponsePhases.Of(IncidentFacts.Of(Resolved(), log.Entries)).ToRootCause);

        var late = new EntryList(Open().Id);
        late.Command(Declared.AddMinutes(90), Alice, "Root cause: pool exhausted", TimelineTag.RootCause);
        Assert.Null(IncidentFacts.Of(Resolved(60), late.Entries).RootCauseFound);
    }

    [Fact]
    public void A_start_corrected_to_after_the_recovery_makes_the_outage_an_impossible_order_not_a_negative_number()
    {
        var incident = Open().RecordRecovery(new Milestone(Declared.AddMinutes(20), Bo, "req-3"), Declared.AddMinutes(30)).Incident
            .RecordImpactBegan(new Milestone(Declared.AddMinutes(25), Bo, "req-4"));

        Assert.True(IncidentFacts.Of(incident, []).Times.Outage!.Value.ImpossibleOrder);
        Assert.True(incident.GetResponseTimes().Outage!.Value.ImpossibleOrder);
    }
}
