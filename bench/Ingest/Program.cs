using System.Diagnostics;
using System.Globalization;
using System.Net;
using LiteDB;
using ScribeBot.Bench.Ingest;
using ScribeBot.Bench.Shared;

// Ingest benchmark: signed Slack message events sent to a running ScribeBot host (POST /slack/events, each message
// committed and fsync'ed before its 200), to a bare 200 OK endpoint of the same host (the ceiling), and to a minimal
// Bolt for JavaScript app that verifies and appends each message to a file before it acks (the peer). Same
// requests, same generator, same connections. Prints throughput, p50/p99 ack latency and peak memory, the ratios,
// and the host's resident memory over a long run at a fixed rate.
//
//   dotnet run -c Release --project bench/Ingest [-- --seconds 20 --soak-seconds 300 --rate 5000 --connections 32 --skip-bolt]
var settings = BenchSettings.Parse(args);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var token = cancel.Token;

var repository = BenchPaths.RepositoryRoot();
var configuration = BenchPaths.Configuration();
var hostAssembly = BenchPaths.HostAssembly(repository, configuration);
var work = Directory.CreateTempSubdirectory("scribebot-ingest-bench-").FullName;
const string Secret = "bench-signing-secret";
const string Channel = "C0BENCH01";
var events = new SignedSlackEvents(Secret, Channel, TimeProvider.System.GetUtcNow().ToUnixTimeSeconds(), TimeProvider.System);
var generator = new LoadGenerator(events);
var results = new List<RunResult>();
var peaks = new Dictionary<string, double>();
var warmUps = new Dictionary<string, long>();
(double First, double Last)? soakMemory = null;

Console.WriteLine($"Ingest benchmark: {Environment.ProcessorCount} cores, {settings.Connections} connections, " +
    $"{settings.Seconds} s per run after a {settings.WarmUpSeconds} s warm-up, fixed rate {settings.Rate:N0}/s, host build {configuration}");
Console.WriteLine($"work directory {work}");

try
{
    var port = ServerProcess.FreePort();
    var databasePath = Path.Combine(work, "scribebot.db");
    await using (var host = ServerProcess.Start("dotnet", [hostAssembly], work, new Dictionary<string, string>
    {
        ["Urls"] = $"http://127.0.0.1:{port}",
        ["Storage__LiteDb__Path"] = databasePath,
        ["Slack__SigningSecret"] = Secret,
        // Nothing may leave the machine: posts the outbox tries (the start announcement) go to a closed loopback port.
        ["Slack__ApiBaseUrl"] = $"http://127.0.0.1:{ServerProcess.FreePort()}/api/",
        ["Diagnostics__CeilingEndpoint"] = "true",
    }, readyText: "ScribeBot listening on"))
    {
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), token);
        var endpoint = new IPEndPoint(IPAddress.Loopback, port);
        await StartIncidentAsync(endpoint, token);

        var ceiling = new Target("bare 200 OK (same host)", endpoint, "/bench/ceiling", host.Id);
        var scribe = new Target("ScribeBot /slack/events", endpoint, "/slack/events", host.Id);
        await MeasureAsync(ceiling);
        var ceilingPeak = ProcessMemory.PeakMiB(host.Id);
        await MeasureAsync(scribe);
        peaks[scribe.Name] = ProcessMemory.PeakMiB(host.Id);
        peaks[ceiling.Name] = ceilingPeak;

        var acked = results.Where(r => r.Target == scribe.Name).Sum(r => r.Acked) + WarmUpAcked(scribe.Name);
        if (settings.SoakSeconds > 0)
        {
            acked += await SoakAsync(scribe, host.Id);
        }

        await host.StopAsync(token);
        var stored = CountStoredMessages(databasePath);
        Console.WriteLine($"stored check: ScribeBot acked {acked:N0} messages, its file holds {stored:N0} " +
            (stored >= acked ? "(none lost)" : $"({acked - stored:N0} MISSING)"));
    }

    if (!settings.SkipWebApiModes)
    {
        // With a bot token, so the host would look up names and its identity: Slack's Web API healthy, refusing
        // connections, and accepting them but never answering. Acknowledging must not notice the difference.
        await using (var healthy = FakeWebApi.Healthy())
        {
            await MeasureWithWebApiAsync("Web API healthy", healthy.ApiBaseUrl);
        }

        await MeasureWithWebApiAsync("Web API refusing", FakeWebApi.Refusing());
        await using (var hanging = FakeWebApi.Hanging())
        {
            await MeasureWithWebApiAsync("Web API hanging", hanging.ApiBaseUrl);
        }
    }

    if (!settings.SkipBolt)
    {
        await MeasureBoltAsync(Path.Combine(repository, "bench", "Ingest", "bolt"));
    }

    PrintSummary();
}
finally
{
    Directory.Delete(work, recursive: true);
}

return;

async Task MeasureAsync(Target target)
{
    var warmUp = await generator.FullSpeedAsync(target, settings.Connections, TimeSpan.FromSeconds(settings.WarmUpSeconds), token);
    warmUps[target.Name] = warmUp.Acked;
    Report(await generator.FullSpeedAsync(target, settings.Connections, TimeSpan.FromSeconds(settings.Seconds), token));
    Report(await generator.FixedRateAsync(target, settings.Connections, settings.Rate, TimeSpan.FromSeconds(settings.Seconds), token));
}

async Task MeasureWithWebApiAsync(string name, string apiBaseUrl)
{
    var port = ServerProcess.FreePort();
    var databasePath = Path.Combine(work, $"webapi-{results.Count}.db");
    await using var host = ServerProcess.Start("dotnet", [hostAssembly], work, new Dictionary<string, string>
    {
        ["Urls"] = $"http://127.0.0.1:{port}",
        ["Storage__LiteDb__Path"] = databasePath,
        ["Slack__SigningSecret"] = Secret,
        ["Slack__BotToken"] = "xoxb-bench-not-a-real-token",
        ["Slack__ApiBaseUrl"] = apiBaseUrl,
    }, readyText: "ScribeBot listening on");
    await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), token);
    var endpoint = new IPEndPoint(IPAddress.Loopback, port);
    await StartIncidentAsync(endpoint, token);
    var target = new Target($"ScribeBot, {name}", endpoint, "/slack/events", host.Id);
    await MeasureAsync(target);
    peaks[target.Name] = ProcessMemory.PeakMiB(host.Id);
    await host.StopAsync(token);
    var acked = results.Where(r => r.Target == target.Name).Sum(r => r.Acked) + WarmUpAcked(target.Name);
    var stored = CountStoredMessages(databasePath);
    Console.WriteLine($"stored check ({name}): acked {acked:N0} messages, the file holds {stored:N0} " +
        (stored >= acked ? "(none lost)" : $"({acked - stored:N0} MISSING)"));
}

long WarmUpAcked(string target) => warmUps.GetValueOrDefault(target);

void Report(RunResult result)
{
    results.Add(result);
    Console.WriteLine($"  {result.Target,-26} {result.Mode,-11} {result.PerSecond,9:N0} acked/s  p50 {result.Latency.Milliseconds(0.5),6:0.00} ms" +
        $"  p99 {result.Latency.Milliseconds(0.99),6:0.00} ms  p99.9 {result.Latency.Milliseconds(0.999),6:0.00} ms" +
        $"  server CPU {result.ServerCpuMicrosecondsPerAck,5:0} us/ack  failed {result.Failed:N0}  late sends {result.LateSends:N0}");
}

async Task<long> SoakAsync(Target target, int processId)
{
    Console.WriteLine($"  soak: {target.Name} at {settings.Rate:N0}/s for {settings.SoakSeconds} s, resident memory every 10 s:");
    var samples = new List<(double Seconds, double MiB)>();
    var clock = Stopwatch.StartNew();
    using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(token);
    var sampling = Task.Run(async () =>
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        while (await timer.WaitForNextTickAsync(stopSampling.Token).ConfigureAwait(false))
        {
            samples.Add((clock.Elapsed.TotalSeconds, ProcessMemory.ResidentMiB(processId)));
        }
    }, stopSampling.Token);
    var soak = await generator.FixedRateAsync(target, settings.Connections, settings.Rate, TimeSpan.FromSeconds(settings.SoakSeconds), token);
    await stopSampling.CancelAsync();
    await sampling.ContinueWith(_ => { }, TaskScheduler.Default);
    Console.WriteLine("    " + string.Join("  ", samples.Select(s => $"{s.Seconds:0}s {s.MiB:0}")));
    Report(soak with { Mode = $"soak {settings.Rate:N0}/s" });
    // Flat means the last minute holds no more than the first full minute after the warm-up: growth with the
    // number of messages stored would show as a steady climb instead.
    var firstMinute = samples.Where(s => s.Seconds <= 60).Select(s => s.MiB).DefaultIfEmpty(double.NaN).Max();
    var lastMinute = samples.Where(s => s.Seconds > settings.SoakSeconds - 60).Select(s => s.MiB).DefaultIfEmpty(double.NaN).Max();
    soakMemory = (firstMinute, lastMinute);
    Console.WriteLine($"    resident memory: first minute max {firstMinute:0} MiB, last minute max {lastMinute:0} MiB");
    return soak.Acked;
}

async Task MeasureBoltAsync(string boltDirectory)
{
    if (!Directory.Exists(Path.Combine(boltDirectory, "node_modules", "@slack", "bolt")))
    {
        Console.WriteLine("installing @slack/bolt (npm ci) ...");
        using var npm = Process.Start(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund"]) { WorkingDirectory = boltDirectory })!;
        await npm.WaitForExitAsync(token);
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci failed with exit code {npm.ExitCode}");
        }
    }

    var port = ServerProcess.FreePort();
    var outFile = Path.Combine(work, "bolt-messages.jsonl");
    await using var bolt = ServerProcess.Start("node", ["app.js"], boltDirectory, new Dictionary<string, string>
    {
        ["SLACK_SIGNING_SECRET"] = Secret,
        ["PORT"] = port.ToString(CultureInfo.InvariantCulture),
        ["BOLT_OUT"] = outFile,
    }, readyText: "bolt listening on");
    await bolt.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), token);
    var target = new Target("Bolt JS (processBeforeResponse)", new IPEndPoint(IPAddress.Loopback, port), "/slack/events", bolt.Id);
    await MeasureAsync(target);
    peaks[target.Name] = ProcessMemory.PeakMiB(bolt.Id);
    await bolt.StopAsync(token);
    var acked = results.Where(r => r.Target == target.Name).Sum(r => r.Acked) + WarmUpAcked(target.Name);
    var lines = File.ReadLines(outFile).LongCount();
    Console.WriteLine($"stored check: Bolt acked {acked:N0} messages, its file holds {lines:N0} lines");
}

void PrintSummary()
{
    Console.WriteLine();
    Console.WriteLine($"{"target",-32} {"full speed/s",13} {"p50 ms",7} {"p99 ms",7} {$"p99 at {settings.Rate:N0}/s",15} {"peak MiB",9}");
    foreach (var name in results.Select(r => r.Target).Distinct())
    {
        var full = results.First(r => r.Target == name && r.Mode == "full speed");
        var fixedRate = results.First(r => r.Target == name && r.Mode == $"{settings.Rate:N0}/s");
        Console.WriteLine($"{name,-32} {full.PerSecond,13:N0} {full.Latency.Milliseconds(0.5),7:0.00} {full.Latency.Milliseconds(0.99),7:0.00} " +
            $"{fixedRate.Latency.Milliseconds(0.99),15:0.00} {peaks.GetValueOrDefault(name, double.NaN),9:0}");
    }

    double FullSpeed(string prefix) =>
        results.FirstOrDefault(r => r.Target.StartsWith(prefix, StringComparison.Ordinal) && r.Mode == "full speed")?.PerSecond ?? double.NaN;
    var ours = FullSpeed("ScribeBot");
    Console.WriteLine();
    Console.WriteLine($"ScribeBot / bare 200 OK: {ours / FullSpeed("bare"):P0} (goal >= 40%)");
    if (!settings.SkipBolt)
    {
        Console.WriteLine($"ScribeBot / Bolt JS:     {ours / FullSpeed("Bolt"):0.0}x (goal >= 4x)");
    }

    if (!settings.SkipWebApiModes)
    {
        var healthy = results.Where(r => r.Target.EndsWith("Web API healthy", StringComparison.Ordinal)).ToArray();
        foreach (var mode in new[] { "Web API refusing", "Web API hanging" })
        {
            var down = results.Where(r => r.Target.EndsWith(mode, StringComparison.Ordinal)).ToArray();
            foreach (var run in new[] { "full speed", $"{settings.Rate:N0}/s" })
            {
                var (h, d) = (healthy.First(r => r.Mode == run), down.First(r => r.Mode == run));
                Console.WriteLine($"{mode} / healthy, {run}: throughput {d.PerSecond / h.PerSecond:P0}, " +
                    $"p99 ack {d.Latency.Milliseconds(0.99) / h.Latency.Milliseconds(0.99):P0} (goal: p99 within 120%)");
            }
        }
    }

    var ourRate = results.First(r => r.Target.StartsWith("ScribeBot", StringComparison.Ordinal) && r.Mode == $"{settings.Rate:N0}/s");
    Console.WriteLine($"ScribeBot p99 ack at {settings.Rate:N0}/s: {ourRate.Latency.Milliseconds(0.99):0.00} ms (goal < 10 ms)");
    if (soakMemory is var (first, last))
    {
        Console.WriteLine($"ScribeBot resident memory over the {settings.SoakSeconds} s soak: {first:0} MiB in the first minute, {last:0} MiB in the last (goal: flat)");
    }
}

static async Task StartIncidentAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
{
    await using var connection = await RawHttpConnection.OpenAsync(endpoint, cancellationToken);
    var events = new SignedSlackEvents(Secret, Channel, 0, TimeProvider.System);
    var status = await connection.SendAsync(
        events.SlashCommand("start Bench load: checkout returns 502", "bench.trigger.1", "/slack/events", $"{endpoint.Address}:{endpoint.Port}"),
        cancellationToken);
    if (status != 200)
    {
        throw new InvalidOperationException($"/incident start answered {status}");
    }
}

static long CountStoredMessages(string databasePath)
{
    // The host has stopped and closed the file; read it directly. "entries" is ScribeBot.LiteDb's timeline collection,
    // keyed by incident and message id, so a duplicate cannot be counted twice.
    using var database = new LiteDatabase($"Filename={databasePath};ReadOnly=true");
    return database.GetCollection("entries").LongCount();
}
