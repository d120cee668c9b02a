using System.Diagnostics;
using System.Globalization;
using LiteDB;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Timeline;
using ScribeBot.LiteDb;

// Store ingest throughput: messages per second, each durable (committed, log fsync'ed unless noted) before its
// caller's await returns. Every figure is the median of a few runs on a fresh file.
const int Runs = 5;
var author = new Person("U1", "Bench");
var t0 = new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);
var root = Path.Combine(Path.GetTempPath(), "scribebot-bench-" + Guid.NewGuid().ToString("N"));

if (args is ["profile", var flushArg, var countArg])
{
    // One long run of the 50-channel scenario, for `perf record` (DOTNET_PerfMapEnabled=1) or a Stopwatch breakdown.
    try
    {
        var count = int.Parse(countArg, CultureInfo.InvariantCulture);
        var rate = await MeasureAsync(count, bool.Parse(flushArg), FiftyChannels(1), runs: 1);
        Console.WriteLine($"profile: 50 channels, 1 caller each, fsync {flushArg}: {count:N0} messages, {rate:N0} msg/s");
    }
    finally
    {
        Directory.Delete(root, recursive: true);
    }

    return;
}

Console.WriteLine($"StoreIngest: LiteDB 5.0.21 store, {Environment.ProcessorCount} cores, median of {Runs} runs after a warm-up, temp dir {Path.GetTempPath()}");
Console.WriteLine("Each message is committed (and, with fsync, on the device) before its caller's await returns.");
Console.WriteLine();
try
{
    // JIT and tiered compilation would otherwise count against whichever scenario runs first.
    foreach (var flush in new[] { true, false })
    {
        await MeasureAsync(20_000, flush, FiftyChannels(1), runs: 1);
    }

    var baseline = MeasureBaseline(2_000);
    Console.WriteLine($"{"scenario",-44} {"messages",9} {"fsync msg/s",12} {"x raw",6} {"no fsync msg/s",15} {"x raw",6}");
    await ReportAsync("1 channel, 1 caller, sequential awaits", 2_000, (store, n) => SequentialAsync(store, "C0", 0, n));
    await ReportAsync("1 channel, 64 concurrent callers", 20_000, (store, n) =>
        Task.WhenAll(Enumerable.Range(0, 64).Select(c => SequentialAsync(store, "C0", c, n / 64))));
    await ReportAsync("50 channels in parallel, 1 caller each", 20_000, FiftyChannels(1));
    await ReportAsync("50 channels in parallel, 1 caller each", 100_000, FiftyChannels(1));
    await ReportAsync("50 channels in parallel, 8 callers each", 40_000, FiftyChannels(8));
    Console.WriteLine($"{"baseline: raw LiteDB, 1 auto-commit per message",-44} {2_000,9:N0} {"",12} {"",6} {baseline,15:N0} {1.0,6:0.0}");

    async Task ReportAsync(string name, int messages, Func<IIncidentStore, int, Task> ingest)
    {
        var fsync = await MeasureAsync(messages, flushToDisk: true, ingest);
        var noFsync = await MeasureAsync(messages, flushToDisk: false, ingest);
        Console.WriteLine($"{name,-44} {messages,9:N0} {fsync,12:N0} {fsync / baseline,6:0.0} {noFsync,15:N0} {noFsync / baseline,6:0.0}");
    }
}
finally
{
    Directory.Delete(root, recursive: true);
}

Func<IIncidentStore, int, Task> FiftyChannels(int callersPerChannel) => (store, n) =>
    Task.WhenAll(Enumerable.Range(0, 50 * callersPerChannel)
        .Select(c => SequentialAsync(store, $"C{c % 50}", c, n / (50 * callersPerChannel))));

async Task<double> MeasureAsync(int messages, bool flushToDisk, Func<IIncidentStore, int, Task> ingest, int runs = Runs)
{
    var rates = new List<double>();
    for (var run = 0; run < runs; run++)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{LiteDbOptions.SectionName}:Path"] = Path.Combine(root, Guid.NewGuid().ToString("N"), "bench.db"),
            [$"{LiteDbOptions.SectionName}:FlushToDisk"] = flushToDisk.ToString(CultureInfo.InvariantCulture),
        }).Build();
        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddLiteDbStore()
            .BuildServiceProvider();
        var store = services.GetRequiredService<IIncidentStore>();
        var clock = Stopwatch.StartNew();
        await ingest(store, messages);
        rates.Add(messages / clock.Elapsed.TotalSeconds);
    }

    return Median(rates);
}

async Task SequentialAsync(IIncidentStore store, string channel, int caller, int count)
{
    var incidentId = $"slack:T1:{channel}";
    for (var m = 0; m < count; m++)
    {
        var entry = new TimelineEntry
        {
            IncidentId = incidentId,
            MessageId = $"{caller}-{m}",
            At = t0.AddMilliseconds(m),
            Author = author,
            Text = "p99 latency is through the roof, rolling back the deploy now",
        };
        await store.AppendEntryAsync(entry, CancellationToken.None);
    }
}

double MeasureBaseline(int messages)
{
    // One LiteDB auto-commit per message from one thread, no writer loop: what a naive store would do.
    var rates = new List<double>();
    for (var run = 0; run < Runs; run++)
    {
        var path = Path.Combine(root, Guid.NewGuid().ToString("N") + ".db");
        using var db = new LiteDatabase(new ConnectionString { Filename = path });
        var entries = db.GetCollection("entries");
        var clock = Stopwatch.StartNew();
        for (var m = 0; m < messages; m++)
        {
            entries.Insert(new BsonDocument { ["_id"] = $"i/{m}", ["text"] = "p99 latency is through the roof" });
        }

        rates.Add(messages / clock.Elapsed.TotalSeconds);
    }

    return Median(rates);
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted[sorted.Length / 2];
}
