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
const int Runs = 3;
var author = new Person("U1", "Bench");
var t0 = new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);
var root = Path.Combine(Path.GetTempPath(), "scribebot-bench-" + Guid.NewGuid().ToString("N"));

if (args is ["profile", var flushArg, var countArg])
{
    // One long run of the 50-channel scenario, for `perf record` (DOTNET_PerfMapEnabled=1) or a Stopwatch breakdown.
    try
    {
        await ReportAsync("profile: 50 channels, 1 caller each", int.Parse(countArg, CultureInfo.InvariantCulture), bool.Parse(flushArg), (store, n) =>
            Task.WhenAll(Enumerable.Range(0, 50).Select(c => SequentialAsync(store, $"C{c}", 0, n / 50))), runs: 1);
    }
    finally
    {
        Directory.Delete(root, recursive: true);
    }

    return;
}

Console.WriteLine($"StoreIngest: LiteDB 5.0.21 store, {Environment.ProcessorCount} cores, median of {Runs} runs, temp dir {Path.GetTempPath()}");
Console.WriteLine();
Console.WriteLine($"{"scenario",-58} {"messages",9} {"msg/s",10}");
try
{
    foreach (var flush in new[] { true, false })
    {
        var mode = flush ? "fsync" : "no fsync";
        await ReportAsync($"1 channel, 1 caller, sequential awaits ({mode})", 2_000, flush, (store, n) => SequentialAsync(store, "C0", 0, n));
        await ReportAsync($"1 channel, 64 concurrent callers ({mode})", 20_000, flush, (store, n) =>
            Task.WhenAll(Enumerable.Range(0, 64).Select(c => SequentialAsync(store, "C0", c, n / 64))));
        await ReportAsync($"50 channels in parallel, 1 caller each ({mode})", 20_000, flush, (store, n) =>
            Task.WhenAll(Enumerable.Range(0, 50).Select(c => SequentialAsync(store, $"C{c}", 0, n / 50))));
        await ReportAsync($"50 channels in parallel, 8 callers each ({mode})", 40_000, flush, (store, n) =>
            Task.WhenAll(Enumerable.Range(0, 400).Select(c => SequentialAsync(store, $"C{c % 50}", c, n / 400))));
    }

    ReportBaseline(2_000);
}
finally
{
    Directory.Delete(root, recursive: true);
}

async Task ReportAsync(string name, int messages, bool flushToDisk, Func<IIncidentStore, int, Task> ingest, int runs = Runs)
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

    Console.WriteLine($"{name,-58} {messages,9:N0} {Median(rates),10:N0}");
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

void ReportBaseline(int messages)
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

    Console.WriteLine($"{"baseline: raw LiteDB, 1 auto-commit per message (no fsync)",-58} {messages,9:N0} {Median(rates),10:N0}");
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted[sorted.Length / 2];
}
