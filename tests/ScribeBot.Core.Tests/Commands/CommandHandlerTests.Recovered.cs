using ScribeBot.Core.Postmortem.Building;
using ScribeBot.Core.Postmortem.Markdown;
using static ScribeBot.Testing.Commands.CommandTestBed;

namespace ScribeBot.Core.Tests.Commands;

// recovered [at HH:MM]: when impact ended, distinct from the resolve.
public sealed partial class CommandHandlerTests
{
    [Fact]
    public async Task Recovered_without_a_time_records_now_with_a_resolution_entry_and_the_draft_measures_to_it()
    {
        await _bed.DoAsync("start Checkout down");

        var outcome = await _bed.DoAfterAsync(TimeSpan.FromMinutes(25), "recovered", Bob);
        await _bed.DoAfterAsync(TimeSpan.FromMinutes(10), "resolve");

        var incident = await _bed.IncidentAsync();
        Assert.Equal((Start.AddMinutes(25), Bob), (incident.Recovered!.At, incident.Recovered.By));
        Assert.False(incident.RecoveredByPage);
        Assert.Equal("Recorded that impact ended at 14:25 UTC on INC-1. Its outage is measured to it, not to the resolve.", outcome.Reply.ToPlainString());
        var markdown = await _bed.DraftMarkdownAsync();
        TextAssert.ContainsAll(
            markdown,
            "**Duration:** 25 minutes, from 14:00 to 14:25 UTC on Mon, Mar 2, 2026. Measured from the declaration to when impact ended;",
            "- 14:25 - **Recovered** - Bob: impact ended",
            "- 14:35 - **Resolved** - Alice: incident resolved");
    }

    [Fact]
    public async Task Recovered_at_a_typed_time_is_read_like_every_HH_MM_and_a_second_one_replaces_the_first()
    {
        await _bed.DoAsync("start Checkout down");
        _bed.Clock.Advance(TimeSpan.FromMinutes(40));

        await _bed.DoAsync("recovered at 14:30");
        var outcome = await _bed.DoAsync("recovered 14:20");

        Assert.Equal(Start.AddMinutes(20), (await _bed.IncidentAsync()).Recovered!.At);
        Assert.Equal("Recorded that impact ended at 14:20 UTC on INC-1 (was 14:30 UTC). Its outage is measured to it.", outcome.Reply.ToPlainString());
    }

    [Fact]
    public async Task Recovered_before_the_outage_began_is_refused_naming_the_start()
    {
        await _bed.DoAsync("start Checkout down");
        await _bed.DoAsync("began 13:50");
        _bed.Clock.Advance(TimeSpan.FromMinutes(30));

        await _bed.AssertRefusedAsync("recovered at 13:45", "13:45 UTC is before INC-1's outage began (impact began at 13:50 UTC).");
    }

    [Fact]
    public async Task Recovered_at_a_time_that_has_not_come_yet_today_is_refused_as_in_the_future()
    {
        await _bed.DoAsync("start Checkout down");
        _bed.Clock.Advance(TimeSpan.FromMinutes(10));

        await _bed.AssertRefusedAsync("recovered at 14:30", "14:30 has not come yet today (14:10 UTC now)");
    }

    [Fact]
    public async Task Recovered_on_a_resolved_incident_is_refused_and_says_why()
    {
        await _bed.DoAsync("start Checkout down");
        await _bed.DoAfterAsync(TimeSpan.FromMinutes(30), "resolve");

        await _bed.AssertRefusedAsync("recovered at 14:20", "INC-1 is already resolved (at 14:30 UTC), so its outage's end is fixed");
    }

    [Fact]
    public async Task Recovered_with_something_other_than_a_time_is_refused_with_the_usage()
    {
        await AssertRefusedWhileOpenAsync("recovered soon", "'soon' is not a time of day: use HH:MM, 24-hour clock, or nothing for now. Usage: /incident recovered [at HH:MM]");
    }

    [Fact]
    public async Task Reopen_clears_the_recovery_because_impact_is_back()
    {
        await _bed.DoAsync("start Checkout down");
        await _bed.DoAfterAsync(TimeSpan.FromMinutes(20), "recovered");
        await _bed.DoAfterAsync(TimeSpan.FromMinutes(5), "resolve");

        await _bed.DoAfterAsync(TimeSpan.FromMinutes(5), "reopen");

        Assert.Null((await _bed.IncidentAsync()).Recovered);
    }
}
