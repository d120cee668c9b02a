using static ScribeBot.Testing.Commands.CommandTestBed;

namespace ScribeBot.Core.Tests.Commands;

// HH:MM in a command is read in the incident's zone on the command's day, or the day before when that would
// put it after the command.
public sealed partial class CommandHandlerTests
{
    [Fact]
    public async Task Began_23_50_sent_at_00_10_is_the_previous_day()
    {
        var bed = new CommandTestBed(now: new DateTimeOffset(2026, 3, 2, 23, 55, 0, TimeSpan.Zero));
        await bed.DoAsync("start Checkout down");
        bed.Clock.Advance(TimeSpan.FromMinutes(15));

        await bed.DoAsync("began 23:50");

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 23, 50, 0, TimeSpan.Zero), (await bed.IncidentAsync()).ImpactBegan!.At);
    }

    [Fact]
    public async Task A_time_typed_the_morning_after_the_resolve_is_read_on_the_incident_day()
    {
        // Declared 14:00, resolved 16:00 on Mar 2; the postmortem is filled in at 09:00 on Mar 3.
        await _bed.DoAsync("start Checkout down");
        await _bed.DoAfterAsync(TimeSpan.FromHours(2), "resolve");
        _bed.Clock.Advance(TimeSpan.FromHours(17));

        await _bed.DoAsync("began 13:40");
        await _bed.DoAsync("detected customer tickets at 13:55");

        var incident = await _bed.IncidentAsync();
        Assert.Equal(Start.AddMinutes(-20), incident.ImpactBegan!.At);
        Assert.Equal(Start.AddMinutes(-5), incident.Detected!.At);
    }

    [Fact]
    public async Task A_time_equal_to_the_command_time_is_the_same_day()
    {
        await _bed.DoAsync("start Checkout down");

        await _bed.DoAsync("began 14:00");

        Assert.Equal(Start, (await _bed.IncidentAsync()).ImpactBegan!.At);
    }

    [Fact]
    public async Task Typed_times_are_read_in_the_incident_time_zone()
    {
        // 14:00 UTC is 15:00 in Berlin (CET, UTC+1).
        var bed = new CommandTestBed("Europe/Berlin");
        await bed.DoAsync("start Checkout down");

        var outcome = await bed.DoAsync("detected PagerDuty alert at 14:30");

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 13, 30, 0, TimeSpan.Zero), (await bed.IncidentAsync()).Detected!.At);
        Assert.Equal("Recorded detection at 14:30 Europe/Berlin on INC-1.", outcome.Reply.ToPlainString());
    }

    [Fact]
    public async Task The_previous_day_rule_uses_the_incident_zone_day_not_the_utc_day()
    {
        // 23:10 UTC on 2 March is 00:10 on 3 March in Berlin: 23:50 Berlin is 22:50 UTC on 2 March.
        var bed = new CommandTestBed("Europe/Berlin", new DateTimeOffset(2026, 3, 2, 23, 0, 0, TimeSpan.Zero));
        await bed.DoAsync("start Checkout down");
        bed.Clock.Advance(TimeSpan.FromMinutes(10));

        await bed.DoAsync("began 23:50");

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 22, 50, 0, TimeSpan.Zero), (await bed.IncidentAsync()).ImpactBegan!.At);
    }

    [Theory]
    // Berlin springs forward on 2026-03-29 at 02:00 CET (01:00 UTC) to 03:00 CEST. Commands sent at 10:00 CEST.
    [InlineData("01:30", "2026-03-29T00:30:00Z")] // still CET, UTC+1
    [InlineData("03:30", "2026-03-29T01:30:00Z")] // already CEST, UTC+2
    [InlineData("02:30", "2026-03-29T01:00:00Z")] // does not exist: moved forward past the gap, to 03:00 CEST
    [InlineData("11:00", "2026-03-28T10:00:00Z")] // after the command: the day before, still CET
    public async Task Typed_times_across_the_spring_dst_change_convert_to_the_right_instant(string typed, string expectedUtc)
    {
        var bed = new CommandTestBed("Europe/Berlin", new DateTimeOffset(2026, 3, 29, 8, 0, 0, TimeSpan.Zero));
        await bed.DoAsync("start Checkout down");

        await bed.DoAsync($"began {typed}");

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), (await bed.IncidentAsync()).ImpactBegan!.At);
    }

    [Theory]
    // Berlin falls back on 2026-10-25 at 03:00 CEST (01:00 UTC) to 02:00 CET: 02:30 happens twice.
    [InlineData("01:30", "2026-10-24T23:30:00Z")]
    [InlineData("02:30", "2026-10-25T00:30:00Z")] // ambiguous: the first occurrence, CEST
    [InlineData("03:30", "2026-10-25T02:30:00Z")]
    public async Task Typed_times_across_the_autumn_dst_change_convert_to_the_right_instant(string typed, string expectedUtc)
    {
        var bed = new CommandTestBed("Europe/Berlin", new DateTimeOffset(2026, 10, 25, 9, 0, 0, TimeSpan.Zero));
        await bed.DoAsync("start Checkout down");

        await bed.DoAsync($"began {typed}");

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), (await bed.IncidentAsync()).ImpactBegan!.At);
    }
}
