using System.Text;
using Xunit.Abstractions;

namespace ScribeBot.LiteDb.Tests.LiteDb;

/// <summary>
/// A child process ingests a burst and prints each message id only after its append returned; we SIGKILL it
/// mid-burst, reopen the file and require every acknowledged message, exactly once.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : DataFileTests
{
    private const int Rounds = 5;

    [Fact]
    public async Task Every_write_acknowledged_before_a_SIGKILL_is_there_after_reopening()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var path = Temp.File("crash.db");
        var acknowledged = new HashSet<string>(StringComparer.Ordinal);

        for (var round = 0; round < Rounds; round++)
        {
            // Each round appends to the file the previous kill left behind, so recovery is exercised repeatedly.
            var killAfter = random.Next(300, 2_000);
            var acked = await RunAndKillAsync(path, round, killAfter);
            acknowledged.UnionWith(acked);
            output.WriteLine($"round {round}: killed after {killAfter} acks, {acked.Count} acknowledged this round (seed {seed})");

            await using var store = StoreFactory.Open(path);
            var stored = (await store.GetTimelineAsync("slack:T1:1", CancellationToken.None)).Select(e => e.MessageId).ToList();
            Assert.Equal(stored.Count, stored.Distinct(StringComparer.Ordinal).Count());
            var missing = acknowledged.Except(stored, StringComparer.Ordinal).ToList();
            Assert.True(missing.Count == 0, $"round {round} (seed {seed}): {missing.Count} acknowledged writes lost, e.g. {string.Join(", ", missing.Take(5))}");
        }
    }

    private static async Task<List<string>> RunAndKillAsync(string path, int round, int killAfter)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CrashWriterPath());
        start.ArgumentList.Add(path);
        start.ArgumentList.Add("8");
        start.ArgumentList.Add("1000000");
        start.ArgumentList.Add($"r{round}-");

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the crash writer");
        var errors = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.BaseStream;
        var acks = new AckReader();
        var buffer = new byte[64 * 1024];
        try
        {
            // Raw reads rather than ReadLine: the sooner we see an ack, the closer the kill lands to the writer's
            // current commit, which is where a durability bug shows.
            int read;
            while (acks.Count < killAfter && (read = await stdout.ReadAsync(buffer)) > 0)
            {
                acks.Add(buffer.AsSpan(0, read));
            }

            // Process.Kill sends SIGKILL on Unix: no finaliser, no flush, no dispose.
            process.Kill();
        }
        finally
        {
            await process.WaitForExitAsync();
        }

        // What the child wrote before it died was acknowledged too.
        int rest;
        while ((rest = await stdout.ReadAsync(buffer)) > 0)
        {
            acks.Add(buffer.AsSpan(0, rest));
        }

        Assert.True(acks.Count >= killAfter, $"round {round}: the writer stopped after {acks.Count} acks: {await errors}");
        return acks.Ids;
    }

    /// <summary>Splits stdout into acknowledged ids; a line cut short by the kill has no terminator and does not count.</summary>
    private sealed class AckReader
    {
        private readonly StringBuilder _partial = new();

        public List<string> Ids { get; } = [];

        public int Count => Ids.Count;

        public void Add(ReadOnlySpan<byte> chunk)
        {
            _partial.Append(Encoding.ASCII.GetString(chunk));
            var text = _partial.ToString();
            var lastNewline = text.LastIndexOf('\n');
            if (lastNewline < 0)
            {
                return;
            }

            foreach (var line in text[..lastNewline].Split('\n'))
            {
                if (line.EndsWith(';'))
                {
                    Ids.Add(line[..^1]);
                }
            }

            _partial.Clear().Append(text[(lastNewline + 1)..]);
        }
    }

    internal static string CrashWriterPath()
    {
        // .../tests/ScribeBot.LiteDb.Tests/bin/<Configuration>/<tfm>/ -> the writer's folder of the same build.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var testsFolder = testOutput.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(
            testsFolder, "ScribeBot.LiteDb.CrashWriter", "bin", configuration, tfm, "ScribeBot.LiteDb.CrashWriter.dll");
        Assert.True(File.Exists(path), $"crash writer not built at {path}");
        return path;
    }
}
