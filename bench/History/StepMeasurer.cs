using System.Diagnostics;
using System.Globalization;
using ScribeBot.Bench.Shared;

namespace ScribeBot.Bench.History;

/// <summary>
/// Times, at one size of history, every dashboard page and what a responder does during an incident, in rounds: each
/// round requests every page once, then starts an incident in the busy channel, posts a message into it (the ack
/// Slack waits for), resolves it and asks for <c>stats 365</c>. Rounds interleave the measures, so a slow moment of
/// the machine falls on all of them alike. The first rounds warm up and are not counted; each timed start adds an
/// incident to the history.
/// </summary>
internal sealed class StepMeasurer(HistoryHost host, SlackTraffic traffic, int warmUps, int samples)
{
    public const string Start = "/incident start";
    public const string MessageAck = "message ack";
    public const string Resolve = "/incident resolve";
    public const string Stats = "/incident stats 365";
    public const string DeepPageName = "GET /?page=200 (or the last)";

    /// <summary>Every timed request, in the order of the table.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "GET /", "GET /?status=triggered", "GET /?status=resolved&page=2", DeepPageName, "GET /stats", "GET /stats?days=365",
        "GET /incidents/{id}", "GET /incidents/{id}/postmortem", Start, MessageAck, Resolve, Stats,
    ];

    /// <summary>The deep page: page 200 when there is one, else the last (25 incidents a page).</summary>
    public static int DeepPage(int incidents) => Math.Clamp((incidents + 24) / 25, 1, 200);

    public static int RequestsPerRound => Names.Count;

    /// <summary>
    /// The counted rounds' latencies and the host's CPU time during each request (both in microseconds, by measure),
    /// and the host's CPU time per request over the whole of them, background work included.
    /// </summary>
    public async Task<MeasuredRounds> RunAsync(int incidents, int step, CancellationToken cancellationToken)
    {
        var id = Uri.EscapeDataString(HistoryLayout.TimedIncidentId);
        var pages = new (string Name, string Path)[]
        {
            ("GET /", "/"),
            ("GET /?status=triggered", "/?status=triggered"),
            ("GET /?status=resolved&page=2", "/?status=resolved&page=2"),
            (DeepPageName, $"/?page={DeepPage(incidents)}"),
            ("GET /stats", "/stats"),
            ("GET /stats?days=365", "/stats?days=365"),
            ("GET /incidents/{id}", $"/incidents/{id}"),
            ("GET /incidents/{id}/postmortem", $"/incidents/{id}/postmortem"),
        };
        var timings = Names.ToDictionary(n => n, _ => new List<int>(samples));
        var cpuTimes = Names.ToDictionary(n => n, _ => new List<int>(samples));
        var channel = HistoryLayout.Busy;
        var user = HistoryLayout.Person(channel, step);
        var hostHeader = SlackTraffic.HostHeader(host.Endpoint);
        var cpuBefore = TimeSpan.Zero;
        var connection = await RawHttpConnection.OpenAsync(host.Endpoint, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            for (var round = 0; round < warmUps + samples; round++)
            {
                var counted = round >= warmUps;
                if (round == warmUps)
                {
                    cpuBefore = ProcessMemory.CpuTime(host.ProcessId);
                }

                var scope = string.Create(CultureInfo.InvariantCulture, $"timed{step}-{round}");
                foreach (var (name, path) in pages)
                {
                    await TimeAsync(name, RawHttpConnection.Get(path, hostHeader), (status, body) =>
                    {
                        if (status != 200)
                        {
                            throw new InvalidOperationException($"{name} ({path}) answered {status}.");
                        }
                    }).ConfigureAwait(false);
                }

                await TimeAsync(Start, traffic.Command(host.Endpoint, channel, user, $"start Timed start {scope} sev2",
                    HistoryLayout.RequestId(traffic.RunId, scope, "start")), (s, b) => CommandAnswer.EnsureSilentOk(s, b, Start)).ConfigureAwait(false);
                await TimeAsync(MessageAck, traffic.Message(host.Endpoint, channel, user, "timed message during the incident", traffic.NextTs()),
                    (s, b) => CommandAnswer.EnsureSilentOk(s, b, MessageAck)).ConfigureAwait(false);
                await TimeAsync(Resolve, traffic.Command(host.Endpoint, channel, user, "resolve timed",
                    HistoryLayout.RequestId(traffic.RunId, scope, "resolve")), (s, b) => CommandAnswer.EnsureSilentOk(s, b, Resolve)).ConfigureAwait(false);
                await TimeAsync(Stats, traffic.Command(host.Endpoint, channel, user, "stats 365",
                    HistoryLayout.RequestId(traffic.RunId, scope, "stats")), (s, b) => CommandAnswer.EnsureReply(s, b, Stats)).ConfigureAwait(false);

                // From just before the request is written to the end of its response, as Slack or a browser waits. The
                // host's CPU over the same span does not depend on what else the machine runs (though it includes what
                // the host did meanwhile in the background, such as delivering the draft a resolve queued).
                async Task TimeAsync(string name, byte[] request, Action<int, string> check)
                {
                    var cpu = ProcessMemory.ThreadCpuTime(host.ProcessId);
                    var sent = Stopwatch.GetTimestamp();
                    var (status, body) = await connection.ExchangeAsync(request, cancellationToken).ConfigureAwait(false);
                    var elapsed = Stopwatch.GetElapsedTime(sent);
                    cpu = ProcessMemory.ThreadCpuTime(host.ProcessId) - cpu;
                    check(status, body);
                    if (counted)
                    {
                        timings[name].Add((int)elapsed.TotalMicroseconds);
                        cpuTimes[name].Add(Math.Max(0, (int)cpu.TotalMicroseconds));
                    }
                }
            }
        }

        var cpuTotal = ProcessMemory.CpuTime(host.ProcessId) - cpuBefore;
        return new MeasuredRounds(
            timings.ToDictionary(t => t.Key, t => new Latencies([t.Value])),
            cpuTimes.ToDictionary(t => t.Key, t => new Latencies([t.Value])),
            cpuTotal.TotalMicroseconds / (samples * RequestsPerRound));
    }
}
