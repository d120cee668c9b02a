using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ScribeBot.Bench.Shared;

namespace ScribeBot.Bench.Ingest;

/// <summary>One target: where to send and which process answers (for its memory).</summary>
internal sealed record Target(string Name, IPEndPoint Endpoint, string Path, int ProcessId)
{
    public string HostHeader => $"{Endpoint.Address}:{Endpoint.Port}";
}

/// <summary>What one run measured.</summary>
internal sealed record RunResult(
    string Target, string Mode, long Acked, long Failed, long LateSends, TimeSpan Elapsed, TimeSpan ServerCpu, Latencies Latency)
{
    public double PerSecond => Acked / Elapsed.TotalSeconds;

    /// <summary>The server's CPU time per acknowledged request: what a request costs, whatever else the machine runs.</summary>
    public double ServerCpuMicrosecondsPerAck => Acked == 0 ? double.NaN : ServerCpu.TotalMicroseconds / Acked;
}

/// <summary>
/// Sends signed message events over a fixed number of keep-alive connections, either as fast as each connection
/// gets its answers (closed loop: the throughput ceiling) or on a fixed schedule (open loop: latency at a given
/// rate). A request counts as acknowledged only on a 200. Latency is from just before the request is written to the
/// end of its response: what Slack waits for.
/// </summary>
internal sealed class LoadGenerator(SignedSlackEvents events)
{
    private long _nextMessage;

    /// <summary>Messages numbered so far; every request carries a new number, whatever its target.</summary>
    public long MessagesSent => Interlocked.Read(ref _nextMessage);

    public Task<RunResult> FullSpeedAsync(Target target, int connections, TimeSpan duration, CancellationToken cancellationToken) =>
        RunAsync(target, connections, duration, ratePerSecond: null, cancellationToken);

    public Task<RunResult> FixedRateAsync(Target target, int connections, int ratePerSecond, TimeSpan duration, CancellationToken cancellationToken) =>
        RunAsync(target, connections, duration, ratePerSecond, cancellationToken);

    private async Task<RunResult> RunAsync(Target target, int connections, TimeSpan duration, int? ratePerSecond, CancellationToken cancellationToken)
    {
        var open = new List<RawHttpConnection>();
        for (var i = 0; i < connections; i++)
        {
            open.Add(await RawHttpConnection.OpenAsync(target.Endpoint, cancellationToken).ConfigureAwait(false));
        }

        var cpuBefore = ProcessMemory.CpuTime(target.ProcessId);
        var start = Stopwatch.GetTimestamp();
        var stopAt = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var schedule = new Schedule(start, ratePerSecond);
        long acked = 0, failed = 0, late = 0;
        var workers = open.Select(connection => Task.Run(async () =>
        {
            var latencies = new List<int>(capacity: 1 << 16);
            var current = connection;
            while (true)
            {
                var due = schedule.Next();
                if (due >= stopAt || Stopwatch.GetTimestamp() >= stopAt)
                {
                    break;
                }

                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                }

                var request = events.Request(Interlocked.Increment(ref _nextMessage), target.Path, target.HostHeader);
                var sent = Stopwatch.GetTimestamp();
                if (ratePerSecond is not null && Stopwatch.GetElapsedTime(due, sent) > TimeSpan.FromMilliseconds(10))
                {
                    Interlocked.Increment(ref late);
                }

                try
                {
                    var status = await current.SendAsync(request, cancellationToken).ConfigureAwait(false);
                    latencies.Add((int)Stopwatch.GetElapsedTime(sent).TotalMicroseconds);
                    Interlocked.Increment(ref status == 200 ? ref acked : ref failed);
                }
                catch (Exception exception) when (exception is IOException or SocketException)
                {
                    Interlocked.Increment(ref failed);
                    await current.DisposeAsync().ConfigureAwait(false);
                    current = await RawHttpConnection.OpenAsync(target.Endpoint, cancellationToken).ConfigureAwait(false);
                }
            }

            await current.DisposeAsync().ConfigureAwait(false);
            return latencies;
        }, cancellationToken)).ToArray();

        var perConnection = await Task.WhenAll(workers).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var cpu = ProcessMemory.CpuTime(target.ProcessId) - cpuBefore;
        return new RunResult(target.Name, ratePerSecond is { } rate ? $"{rate:N0}/s" : "full speed",
            acked, failed, late, elapsed, cpu, new Latencies(perConnection));
    }

    /// <summary>When each request is due: now for a closed loop; every 1/rate seconds from the start for an open one.</summary>
    private sealed class Schedule(long start, int? ratePerSecond)
    {
        private long _slot = -1;

        public long Next() => ratePerSecond is { } rate
            ? start + (long)(Interlocked.Increment(ref _slot) * (double)Stopwatch.Frequency / rate)
            : Stopwatch.GetTimestamp();
    }
}
