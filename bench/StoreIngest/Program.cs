using System.Diagnostics;
using System.Globalization;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Timeline;
using ScribeBot.Testing.Storage;

// Store ingest throughput, LiteDB and PostgreSQL in one run: messages per second, each durable (committed, and on
// the device: LiteDB's log fsync'ed, PostgreSQL's WAL flushed with fsync=on and synchronous_commit=on) before its
// caller's await returns. Every figure is the median of a few runs on fresh storage (a new file, a new database).
// PostgreSQL is a throwaway server (the tests' fixture, with fsync on) on loopback, sharing the machine's cores.
var runs = args is ["--runs", var runsArg, ..] ? int.Parse(runsArg, CultureInfo.InvariantCulture) : 5;
var author = new Person("U1", "Bench");
var t0 = new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);
var root = Path.Combine(Path.GetTempPath(), "scribebot-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(root);
await using var postgres = await PostgresServer.StartAsync(fsync: true);
var stores = new IngestStores(root, postgres);
var cpu = await CpuTime.ForServerAsync(postgres.ConnectionString("postgres"));
var liteDbFsync = new StoreUnderTest(() => stores.LiteDbAsync(flushToDisk: true), WithServer: false);
var liteDbNoFsync = new StoreUnderTest(() => stores.LiteDbAsync(flushToDisk: false), WithServer: false);
var postgreSql = new StoreUnderTest(stores.PostgresAsync, WithServer: true);

try
{
    if (args is ["profile", var storeArg, var countArg])
    {
        // One long run of the 50-channel scenario, for `perf record` (DOTNET_PerfMapEnabled=1) or a Stopwatch breakdown.
        var count = int.Parse(countArg, CultureInfo.InvariantCulture);
        var open = storeArg switch
        {
            "litedb" => liteDbFsync,
            "litedb-nofsync" => liteDbNoFsync,
            "postgres" => postgreSql,
            _ => throw new ArgumentException("profile <litedb|litedb-nofsync|postgres> <messages>"),
        };
        await MeasureAsync(open, 10_000, FiftyChannels(1), runCount: 1);
        var clientBefore = cpu.Now(withServer: false);
        var (rate, cpuPerMessage) = await MeasureAsync(open, count, FiftyChannels(1), runCount: 1);
        var client = (cpu.Now(withServer: false) - clientBefore) * 1e6 / count;
        Console.WriteLine($"profile: {storeArg}, 50 channels, 1 caller each: {count:N0} messages, {rate:N0} msg/s, {cpuPerMessage:0.0} µs CPU/msg ({client:0.0} in this process)");
        return;
    }

    Console.WriteLine($"StoreIngest: {Environment.ProcessorCount} cores, median of {runs} runs after a warm-up, temp dir {Path.GetTempPath()}");
    Console.WriteLine($"LiteDB 5.0.21 store; {await ServerSettingsAsync()}");
    Console.WriteLine("Each message is committed (and, with fsync, on the device) before its caller's await returns.");
    Console.WriteLine($"Load average at start: {LoadAverage()}");
    Console.WriteLine();

    // JIT and tiered compilation would otherwise count against whichever scenario runs first.
    foreach (var open in new[] { liteDbFsync, liteDbNoFsync, postgreSql })
    {
        await MeasureAsync(open, 20_000, FiftyChannels(1), runCount: 1);
    }

    var baseline = MeasureBaseline(2_000);
    Console.WriteLine($"{"scenario",-44} {"messages",9} {"LiteDB",9} {"µs CPU",7} {"no fsync",9} {"Postgres",9} {"µs CPU",7} {"PG/LiteDB",9}");
    await ReportAsync("1 channel, 1 caller, sequential awaits", 2_000, (store, n) => SequentialAsync(store, "C0", 0, n));
    await ReportAsync("1 channel, 64 concurrent callers", 20_000, (store, n) =>
        Task.WhenAll(Enumerable.Range(0, 64).Select(c => SequentialAsync(store, "C0", c, n / 64))));
    await ReportAsync("50 channels in parallel, 1 caller each", 20_000, FiftyChannels(1));
    await ReportAsync("50 channels in parallel, 1 caller each", 100_000, FiftyChannels(1));
    await ReportAsync("50 channels in parallel, 8 callers each", 40_000, FiftyChannels(8));
    Console.WriteLine($"{"baseline: raw LiteDB, 1 auto-commit per message",-44} {2_000,9:N0} {"",9} {"",7} {baseline,9:N0}");
    Console.WriteLine();
    Console.WriteLine("msg/s (medians); LiteDB and Postgres with fsync, 'no fsync' is LiteDB with FlushToDisk=false.");
    Console.WriteLine("µs CPU: CPU time per message (median), of this process and, for Postgres, of the server's processes too.");
    Console.WriteLine();
    Console.WriteLine("Open loop: messages offered at a fixed rate over 50 channels for 5 s, each sent when due whether or not earlier");
    Console.WriteLine("ones were answered (as Slack delivers events); achieved = messages / (first send to last answer).");
    Console.WriteLine($"{"offered",-10} {"store",-9} {"achieved",9} {"p50 ms",8} {"p99 ms",8} {"max ms",8}");
    foreach (var offered in new[] { 20_000, 30_000 })
    {
        await ReportOpenLoopAsync(offered, "LiteDB", liteDbFsync);
        await ReportOpenLoopAsync(offered, "Postgres", postgreSql);
    }

    Console.WriteLine("(medians of each column over the runs; latency from each message's scheduled time to its answer)");
    Console.WriteLine($"Load average at end: {LoadAverage()}");
}
finally
{
    Directory.Delete(root, recursive: true);
}

async Task ReportAsync(string name, int messages, Func<IIncidentStore, int, Task> ingest)
{
    var liteDb = await MeasureAsync(liteDbFsync, messages, ingest);
    var noFsync = await MeasureAsync(liteDbNoFsync, messages, ingest);
    var pg = await MeasureAsync(postgreSql, messages, ingest);
    Console.WriteLine(
        $"{name,-44} {messages,9:N0} {liteDb.Rate,9:N0} {liteDb.CpuMicros,7:0.0} {noFsync.Rate,9:N0} {pg.Rate,9:N0} {pg.CpuMicros,7:0.0} {pg.Rate / liteDb.Rate,9:0.00}");
}

async Task ReportOpenLoopAsync(int offered, string name, StoreUnderTest under)
{
    var results = new List<OpenLoopResult>();
    for (var run = 0; run < runs; run++)
    {
        await using var services = await under.Open();
        var store = services.GetRequiredService<IIncidentStore>();
        results.Add(await OpenLoop.RunAsync(store, offered, offered * 5, 50, (m, channel) => Message($"C{channel}", "open", m)));
    }

    Console.WriteLine(
        $"{offered,-10:N0} {name,-9} {Median(results.ConvertAll(r => r.Achieved)),9:N0} {Median(results.ConvertAll(r => r.P50Milliseconds)),8:0.0} " +
        $"{Median(results.ConvertAll(r => r.P99Milliseconds)),8:0.0} {Median(results.ConvertAll(r => r.MaxMilliseconds)),8:0.0}");
}

Func<IIncidentStore, int, Task> FiftyChannels(int callersPerChannel) => (store, n) =>
    Task.WhenAll(Enumerable.Range(0, 50 * callersPerChannel)
        .Select(c => SequentialAsync(store, $"C{c % 50}", c, n / (50 * callersPerChannel))));

async Task<(double Rate, double CpuMicros)> MeasureAsync(
    StoreUnderTest under, int messages, Func<IIncidentStore, int, Task> ingest, int? runCount = null)
{
    var rates = new List<double>();
    var cpuPerMessage = new List<double>();
    for (var run = 0; run < (runCount ?? runs); run++)
    {
        await using var services = await under.Open();
        var store = services.GetRequiredService<IIncidentStore>();
        var cpuBefore = cpu.Now(under.WithServer);
        var clock = Stopwatch.StartNew();
        await ingest(store, messages);
        rates.Add(messages / clock.Elapsed.TotalSeconds);
        cpuPerMessage.Add((cpu.Now(under.WithServer) - cpuBefore) * 1e6 / messages);
    }

    return (Median(rates), Median(cpuPerMessage));
}

async Task SequentialAsync(IIncidentStore store, string channel, int caller, int count)
{
    for (var m = 0; m < count; m++)
    {
        await store.AppendEntryAsync(Message(channel, caller.ToString(CultureInfo.InvariantCulture), m), CancellationToken.None);
    }
}

TimelineEntry Message(string channel, string caller, int m) => new()
{
    IncidentId = $"slack:T1:{channel}",
    MessageId = $"{caller}-{m}",
    At = t0.AddMilliseconds(m),
    Author = author,
    Text = "p99 latency is through the roof, rolling back the deploy now",
};

double MeasureBaseline(int messages)
{
    // One LiteDB auto-commit per message from one thread, no writer loop: what a naive store would do.
    var rates = new List<double>();
    for (var run = 0; run < runs; run++)
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

async Task<string> ServerSettingsAsync()
{
    // Read back from the server, so the header states what was measured rather than what was meant.
    await using var connection = new NpgsqlConnection(postgres.ConnectionString("postgres"));
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(
        "SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit'), current_setting('wal_sync_method')",
        connection);
    await using var reader = await command.ExecuteReaderAsync();
    await reader.ReadAsync();
    return $"PostgreSQL {reader.GetString(0)} on 127.0.0.1:{postgres.Port}, fsync={reader.GetString(1)}, " +
        $"synchronous_commit={reader.GetString(2)}, wal_sync_method={reader.GetString(3)}";
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted[sorted.Length / 2];
}

/// <summary>A store to measure: how to open it on fresh storage, and whether the PostgreSQL server's CPU is its.</summary>
internal sealed record StoreUnderTest(Func<Task<ServiceProvider>> Open, bool WithServer);
