using System.Diagnostics;
using Npgsql;

/// <summary>
/// CPU time spent by this process and, for PostgreSQL, by the server's processes: a cost per message that a busy
/// shared machine distorts far less than the throughput, which depends on how much of the cores the run was given.
/// The server's time is the postmaster's own, its reaped children's (backends that ended) and its live children's, so
/// a backend ending between two readings moves its time within the sum rather than out of it. Linux only (/proc).
/// </summary>
internal sealed class CpuTime(int? serverPid)
{
    private static readonly double SecondsPerTick = 1.0 / 100; // USER_HZ, 100 on every Linux ABI .NET runs on.

    /// <summary>Finds the postmaster: the parent of a backend this connection starts.</summary>
    public static async Task<CpuTime> ForServerAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backend = (int)(await command.ExecuteScalarAsync())!;
        return new CpuTime(Stat(backend) is { } stat ? int.Parse(stat[1], CultureInfo.InvariantCulture) : null);
    }

    /// <summary>Seconds of CPU so far: this process, plus the server when <paramref name="withServer"/>.</summary>
    public double Now(bool withServer)
    {
        using var self = Process.GetCurrentProcess();
        var seconds = self.TotalProcessorTime.TotalSeconds;
        if (!withServer || serverPid is not { } postmaster || Stat(postmaster) is not { } own)
        {
            return seconds;
        }

        seconds += Ticks(own, 11, 12, 13, 14) * SecondsPerTick;
        var parent = postmaster.ToString(CultureInfo.InvariantCulture);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && Stat(pid) is { } child && child[1] == parent)
            {
                seconds += Ticks(child, 11, 12) * SecondsPerTick;
            }
        }

        return seconds;
    }

    private static long Ticks(string[] stat, params int[] fields) => fields.Sum(f => long.Parse(stat[f], CultureInfo.InvariantCulture));

    /// <summary>
    /// The fields of /proc/PID/stat after the command name (which may hold spaces): [0] state, [1] ppid, ...
    /// [11] utime, [12] stime, [13] cutime, [14] cstime. Null when the process is gone.
    /// </summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }
}
