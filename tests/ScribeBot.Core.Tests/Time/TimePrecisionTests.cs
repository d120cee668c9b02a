using ScribeBot.Core.Postmortem;
using ScribeBot.Core.Time;
using static ScribeBot.Core.Tests.Postmortem.Scenarios;

namespace ScribeBot.Core.Tests.Time;

/// <summary>
/// Short incidents show seconds: at minutes a four-minute incident's start, acknowledgement and resolution all read
/// "10:00". The rule is <see cref="TimePrecision"/>; the draft, the replies and the clock all ask it.
/// </summary>
public sealed class TimePrecisionTests
{
    private static readonly DateTimeOffset Declared = new(2026, 3, 2, 9, 0, 12, TimeSpan.Zero);

    private static Incident Resolved(TimeSpan after, TimeSpan? ackAfter = null) => NewIncident(4, "Cache flush blip", Declared, Alice, "Europe/Berlin") with
    {
        Acknowledged = new Milestone(Declared + (ackAfter ?? TimeSpan.FromSeconds(20)), Bo),
        Resolved = new Milestone(Declared + after, Alice),
        Status = IncidentStatus.Resolved,
    };

    [Theory]
    [InlineData(39)]
    [InlineData(4 * 60)]
    [InlineData((10 * 60) - 1)]
    public void A_resolved_incident_shorter_than_ten_minutes_shows_seconds(int seconds) =>
        Assert.Same(TimePrecision.Seconds, TimePrecision.Of(Resolved(TimeSpan.FromSeconds(seconds))));

    [Theory]
    [InlineData(10 * 60)]
    [InlineData(45 * 60)]
    public void A_resolved_incident_of_ten_minutes_or_more_shows_minutes(int seconds) =>
        Assert.Same(TimePrecision.Minutes, TimePrecision.Of(Resolved(TimeSpan.FromSeconds(seconds))));

    [Fact]
    public void An_open_incident_shows_minutes_whatever_its_age() =>
        Assert.Same(TimePrecision.Minutes, TimePrecision.Of(NewIncident(4, "Cache flush blip", Declared, Alice)));

    [Fact]
    public void Impact_that_began_long_before_a_quick_declaration_keeps_minutes()
    {
        var incident = Resolved(TimeSpan.FromMinutes(4)) with { ImpactBegan = new Milestone(Declared.AddMinutes(-30), Bo) };

        Assert.Same(TimePrecision.Minutes, TimePrecision.Of(incident));
    }

    [Fact]
    public void Formats_a_time_of_day_to_the_minute_or_the_second()
    {
        var at = new DateTimeOffset(2026, 3, 2, 10, 0, 12, TimeSpan.FromHours(1));

        Assert.Equal(("10:00", "10:00:12"), (TimePrecision.Minutes.Time(at), TimePrecision.Seconds.Time(at)));
    }

    [Fact]
    public void The_incidents_clock_shows_its_times_at_the_incidents_precision()
    {
        Assert.Equal("Mon, Mar 2, 2026, 10:00:12", IncidentClock.For(Resolved(TimeSpan.FromMinutes(4))).DayAndTime(Declared));
        Assert.Equal("Mon, Mar 2, 2026, 10:00", IncidentClock.For(Resolved(TimeSpan.FromMinutes(40))).DayAndTime(Declared));
    }

    [Fact]
    public void A_four_minute_draft_tells_start_acknowledgement_and_resolution_apart_in_every_part()
    {
        var incident = Resolved(TimeSpan.FromMinutes(4).Add(TimeSpan.FromSeconds(18)));
        var entries = new EntryList(incident.Id);
        entries.Say(Declared.AddSeconds(30), Bo, "cache hit rate is zero", TimelineTag.Detection);

        var markdown = PostmortemMarkdown.Render(PostmortemDraft.Build(incident, entries.Entries));

        TextAssert.ContainsAll(
            markdown,
            ", from 10:00:12 to 10:04:30 Europe/Berlin (CET) on Mon, Mar 2, 2026.",
            "- 10:00:12 - **Declared**",
            "- 10:00:32 - **Acknowledged**",
            "- 10:04:30 - **Resolved**",
            "- 10:00:42 Bo Chen: cache hit rate is zero",
            "    dateFormat YYYY-MM-DD HH:mm:ss\n    axisFormat %H:%M:%S\n",
            "Declared to acknowledged :done, p1, 2026-03-02 10:00:12, 2026-03-02 10:00:32\n");
    }

    [Fact]
    public void A_forty_minute_draft_keeps_minutes()
    {
        var markdown = PostmortemMarkdown.Render(PostmortemDraft.Build(Resolved(TimeSpan.FromMinutes(40)), []));

        Assert.Contains("40 minutes, from 10:00 to 10:40 Europe/Berlin (CET)", markdown, StringComparison.Ordinal);
        Assert.Contains("    dateFormat YYYY-MM-DD HH:mm\n    axisFormat %H:%M\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("10:00:12", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_about_a_short_resolved_incident_names_the_second_it_was_resolved()
    {
        var incident = Resolved(TimeSpan.FromMinutes(4).Add(TimeSpan.FromSeconds(18)));

        var refusal = incident.Acknowledge(new Milestone(Declared.AddMinutes(6), Bo));

        Assert.Contains("already resolved (at 10:04:30 Europe/Berlin by Alice Ng)", refusal.Refusal, StringComparison.Ordinal);
    }
}
