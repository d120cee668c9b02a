namespace ScribeBot.Core.Tests.Commands;

// The stats reply's one line of medians per phase.
public sealed partial class CommandHandlerTests
{
    [Fact]
    public async Task Stats_gives_one_line_of_the_median_per_phase_with_how_many_incidents_had_it()
    {
        // One incident loses 10 minutes to a misleading path and finds the root cause 20 minutes in; the other has
        // neither, so root cause and time lost rest on one incident and say so.
        await _bed.DoAsync("start Checkout down sev1");
        await _bed.DoAfterAsync(TimeSpan.FromMinutes(2), "ack");
        await _bed.DoAfterAsync(TimeSpan.FromMinutes(3), "misleading maybe the CDN");
        await _bed.DoAfterAsync(TimeSpan.FromMinutes(10), "action rolled back the deploy");
        await _bed.DoAfterAsync(TimeSpan.FromMinutes(5), "rootcause the pool was set to 5");
        await _bed.DoAfterAsync(TimeSpan.FromMinutes(20), "resolve");
        _bed.Clock.Advance(TimeSpan.FromHours(1));
        await RunIncidentAsync("sev2", ackAfter: 6, resolveAfter: 70);

        var lines = (await _bed.DoAsync("stats 7")).Reply.ToPlainString().Split('\n');

        Assert.Equal("Median per phase: ack 4 min (n=2); root cause 20 min (n=1); resolve 55 min (n=2); time lost 10 min (n=1).", lines[4]);
    }
}
