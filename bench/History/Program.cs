using System.Diagnostics;
using System.Security.Cryptography;
using ScribeBot.Bench.History;
using ScribeBot.Bench.Shared;

// History benchmark (issue 14): grows a store in steps of resolved incidents (~50 messages each) and, at each step,
// restarts the real host on it and times every dashboard page, /incident start, resolve and stats 365, a message
// ack, the start-up to healthy, the data file and the host's memory; then prints how each grew per 10x of history
// and the verdict against the goal. Small steps are written through the host (signed Slack requests); larger ones
// in-process through the host's own core, store and Slack poster, at declared times spread over the last year.
// Each step's store is a copy of the previous one grown further, in its own directory ({work}/{step}/): with
// --data DIR they are kept, and a later run re-times every step found there without seeding it again.
//
//   dotnet run -c Release --project bench/History [-- --steps 100,1000,10000,50000 --samples 30 --data DIR --no-bot-token]
HistorySettings settings;
try
{
    settings = HistorySettings.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 1;
}

if (settings.Store == HistorySettings.Postgres)
{
    // Issue 14 item 3: the benchmark takes the store as a setting so the PostgreSQL store is held to the same figures.
    Console.Error.WriteLine("The PostgreSQL store is not available yet: ScribeBot has no Storage:Provider=Postgres to run. " +
        $"Nothing was measured{(settings.PostgresConnection is null ? "" : " (--postgres was given and not used)")}. Use --store LiteDb.");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var token = cancel.Token;

const string Secret = "bench-signing-secret";
var repository = BenchPaths.RepositoryRoot();
var configuration = BenchPaths.Configuration();
var work = settings.DataDirectory ?? Directory.CreateTempSubdirectory("scribebot-history-bench-").FullName;
Directory.CreateDirectory(work);
var runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
var traffic = new SlackTraffic(new SlackRequestSigner(Secret, TimeProvider.System), runId, TimeProvider.System);
var results = new List<StepResult>();

Console.WriteLine($"History benchmark: {Environment.ProcessorCount} cores, store {settings.Store}, steps {string.Join(", ", settings.Steps.Select(s => s.ToString("N0")))}, " +
    $"{settings.Samples} timed rounds after {settings.WarmUps} warm-ups, {settings.Restarts} timed starts per step, " +
    $"{(settings.BotToken ? "bot token (posts delivered to a loopback Slack)" : "no bot token (every post stays pending)")}, " +
    $"host build {(settings.ReadyToRun ? "ReadyToRun publish (as deployed)" : configuration)}");
Console.WriteLine($"data files under {work}");

try
{
    await using var webApi = FakeWebApi.Healthy();
    var hostSettings = new HostSettings(Secret, settings.BotToken ? "xoxb-bench-not-a-real-token" : null, webApi.ApiBaseUrl);
    var hostAssembly = settings.ReadyToRun
        ? await BenchPaths.PublishReadyToRunAsync(repository, Path.Combine(work, "host"), token)
        : BenchPaths.HostAssembly(repository, configuration);
    await using var host = new HistoryHost(hostAssembly, work, settings.Store, hostSettings);
    var measurer = new StepMeasurer(host, traffic, settings.WarmUps, settings.Samples);

    var count = 0;
    string? previous = null;
    foreach (var step in settings.Steps)
    {
        var dataPath = Path.Combine(work, step.ToString(System.Globalization.CultureInfo.InvariantCulture), "scribebot.db");
        SeedingTime? seeding = null;
        await host.StopAsync(token);
        if (File.Exists(dataPath))
        {
            count = await CountReusedAsync(dataPath, hostSettings);
        }
        else if (previous is not null)
        {
            CopyStore(previous, dataPath);
        }

        // Short of the step: a new store, or one an earlier run left unfinished, is grown from where it stands.
        if (count < step)
        {
            seeding = await SeedAsync(host, hostSettings, dataPath, count, step);
            count = step;
        }

        Console.WriteLine($"step {count:N0}: timing {settings.Restarts} starts and {settings.Samples} rounds of {StepMeasurer.RequestsPerRound} requests ...");
        var result = await MeasureAsync(host, measurer, dataPath, count, step, seeding);
        results.Add(result);
        // Every timed round started and resolved one incident in the busy channel.
        count += settings.WarmUps + settings.Samples;
        previous = dataPath;
        Console.WriteLine();
        Console.WriteLine(HistoryReport.Measures(results));
    }

    await host.StopAsync(token);
    Console.WriteLine("## Seeding");
    Console.WriteLine();
    Console.WriteLine(HistoryReport.Seeding(results));
    Console.WriteLine("## Measures");
    Console.WriteLine();
    Console.WriteLine(HistoryReport.Measures(results));
    Console.WriteLine(HistoryReport.HostCpu(results));
    if (results.Count > 1)
    {
        Console.WriteLine("## Growth");
        Console.WriteLine();
        Console.WriteLine(HistoryReport.Growth(results));
    }
}
finally
{
    if (settings.DataDirectory is null && !settings.Keep)
    {
        Directory.Delete(work, recursive: true);
    }
    else
    {
        Console.WriteLine($"kept {work}");
    }
}

return 0;

async Task<int> CountReusedAsync(string dataPath, HostSettings hostSettings)
{
    await using var session = await StoreSession.OpenAsync(dataPath, hostSettings, token);
    var (total, open) = await session.CountAsync(token);
    Console.WriteLine($"reusing {dataPath}: {total:N0} incidents");
    return open == 0
        ? total
        : throw new InvalidOperationException($"{open} incidents in {dataPath} are still open (an interrupted run?); remove its directory to seed it again.");
}

// The previous step's store, closed by the host's stop, grown further in its own directory.
static void CopyStore(string from, string to)
{
    Directory.CreateDirectory(Path.GetDirectoryName(to)!);
    foreach (var (source, target) in new[] { (from, to), (LogOf(from), LogOf(to)) })
    {
        if (File.Exists(source))
        {
            File.Copy(source, target, overwrite: true);
        }
    }
}

static string LogOf(string dataPath) => Path.Combine(Path.GetDirectoryName(dataPath)!, Path.GetFileNameWithoutExtension(dataPath) + "-log.db");

async Task<SeedingTime> SeedAsync(HistoryHost host, HostSettings hostSettings, string dataPath, int from, int to)
{
    var incidents = Enumerable.Range(from, to - from).Select(i => HistoryLayout.Incident(i)).ToArray();
    var clock = Stopwatch.StartNew();
    string path;
    if (to <= settings.HostSeedingUpTo)
    {
        path = "through the host";
        Console.WriteLine($"seeding incidents {from:N0} to {to:N0} {path} ({incidents.Length * incidents[0].Steps.Count:N0} signed requests) ...");
        await host.StartAsync(dataPath, token);

        await HostSeeder.SeedAsync(host.Endpoint, traffic, incidents, settings.SeedChannels, token);
    }
    else
    {
        path = "in-process (core and store)";
        Console.WriteLine($"seeding incidents {from:N0} to {to:N0} {path}, declared over the last 365 days ...");
        await using var session = await StoreSession.OpenAsync(dataPath, hostSettings, token);
        await session.SeedAsync(incidents, DeclaredOverLastYear(incidents.Length), runId, parallel: 32, token);
        await session.DrainOutboxAsync(token);
    }

    Console.WriteLine($"  seeded in {clock.Elapsed.TotalSeconds:N0} s");
    return new SeedingTime(path, incidents.Length, clock.Elapsed);
}

// Spread evenly from 364 days to 1 day ago, in whole seconds (as Slack's request timestamps), so stats 365 and
// /stats?days=365 cover every incident: the worst case for both.
static DateTimeOffset[] DeclaredOverLastYear(int count)
{
    var now = TimeProvider.System.GetUtcNow();
    var from = now - TimeSpan.FromDays(364);
    var span = TimeSpan.FromDays(363);
    return Enumerable.Range(0, count)
        .Select(i => from + (span * ((i + 0.5) / count)))
        .Select(at => DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds()))
        .ToArray();
}

async Task<StepResult> MeasureAsync(HistoryHost host, StepMeasurer measurer, string dataPath, int incidents, int step, SeedingTime? seeding)
{
    await host.StopAsync(token);
    var fileMiB = FileMiB(dataPath) + FileMiB(LogOf(dataPath));
    var starts = new List<double>();
    for (var i = 0; i < settings.Restarts; i++)
    {
        if (i > 0)
        {
            await host.StopAsync(token);
        }

        starts.Add((await host.StartAsync(dataPath, token)).TotalSeconds);
    }

    var load = MachineLoad();
    var rounds = await measurer.RunAsync(incidents, step, token);
    return new StepResult(
        incidents,
        StepMeasurer.DeepPage(incidents),
        rounds,
        starts,
        ProcessMemory.ResidentMiB(host.ProcessId),
        ProcessMemory.PeakMiB(host.ProcessId),
        fileMiB,
        Math.Max(load, MachineLoad()),
        seeding);
}

// Runnable threads on the machine (the 1-minute load average): other work on the same cores slows every figure.
static double MachineLoad() =>
    double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

static double FileMiB(string path) => File.Exists(path) ? new FileInfo(path).Length / (1024.0 * 1024.0) : 0;
