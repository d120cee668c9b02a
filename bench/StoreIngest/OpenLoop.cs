using System.Diagnostics;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Timeline;

/// <summary>
/// An open-loop run: messages offered at a fixed rate, spread over the channels, whether or not earlier ones have been
/// answered, as Slack delivers events (it does not wait for one event's answer before sending the next). The closed
/// loops of the main table ("1 caller each") measure latency as much as throughput: with 50 callers, each waiting for
/// its answer before sending again, the rate can never pass 50 over one commit's round trip. Here the store keeps up
/// with the offered rate or it does not: the achieved rate falls behind and the latency grows with the run.
/// Latency is from each message's scheduled time, not from when it was sent, so a stalled sender cannot hide a slow
/// store (coordinated omission).
/// </summary>
internal static class OpenLoop
{
    public static async Task<OpenLoopResult> RunAsync(
        IIncidentStore store, int ratePerSecond, int messages, int channels, Func<int, int, TimelineEntry> entry)
    {
        var latencies = new double[messages];
        var pending = new Task[messages];
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (sent < messages)
        {
            // Everything due by now goes out at once; the timer's granularity (about a millisecond) makes the offered
            // load a burst every tick, which is no kinder to the store than an even spread.
            var due = Math.Min(messages, (int)(clock.Elapsed.TotalSeconds * ratePerSecond) + 1);
            for (; sent < due; sent++)
            {
                pending[sent] = SendAsync(store, sent, sent / (double)ratePerSecond, entry(sent, sent % channels), clock, latencies);
            }

            await Task.Delay(1).ConfigureAwait(false);
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
        var elapsed = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return new OpenLoopResult(
            messages / elapsed,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            latencies[^1]);
    }

    private static async Task SendAsync(
        IIncidentStore store, int index, double scheduledSeconds, TimelineEntry entry, Stopwatch clock, double[] latencies)
    {
        await store.AppendEntryAsync(entry, CancellationToken.None).ConfigureAwait(false);
        latencies[index] = (clock.Elapsed.TotalSeconds - scheduledSeconds) * 1000;
    }

    private static double Percentile(double[] sorted, double fraction) => sorted[(int)Math.Min(sorted.Length - 1, sorted.Length * fraction)];
}

/// <summary>
/// What an open-loop run achieved: messages per second from the first send to the last answer (the offered rate when
/// the store kept up), and the answer latency in milliseconds from each message's scheduled time.
/// </summary>
internal sealed record OpenLoopResult(double Achieved, double P50Milliseconds, double P99Milliseconds, double MaxMilliseconds);
