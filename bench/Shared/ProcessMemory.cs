using System.Globalization;

namespace ScribeBot.Bench.Shared;

/// <summary>Resident memory of a process as Linux reports it in <c>/proc/{pid}/status</c>.</summary>
public static class ProcessMemory
{
    /// <summary>Current resident set (VmRSS), in MiB.</summary>
    public static double ResidentMiB(int pid) => Read(pid, "VmRSS:");

    /// <summary>Peak resident set since the process started (VmHWM), in MiB.</summary>
    public static double PeakMiB(int pid) => Read(pid, "VmHWM:");

    /// <summary>CPU time the process has used so far (user + system), from <c>/proc/{pid}/stat</c>.</summary>
    public static TimeSpan CpuTime(int pid)
    {
        // Fields after the command name (which may contain spaces, hence the last ')'): utime and stime are 14 and 15.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / (double)ClockTicksPerSecond);
    }

    /// <summary>
    /// CPU time the process's threads have used so far, to the nanosecond (the sum of <c>/proc/{pid}/task/*/schedstat</c>):
    /// precise enough to charge one request. A thread that exits between two readings takes its time with it.
    /// </summary>
    public static TimeSpan ThreadCpuTime(int pid)
    {
        long nanoseconds = 0;
        foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            try
            {
                var schedstat = File.ReadAllText(Path.Combine(task, "schedstat"));
                nanoseconds += long.Parse(schedstat.AsSpan(0, schedstat.IndexOf(' ', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The thread ended while we looked.
            }
        }

        return TimeSpan.FromTicks(nanoseconds / 100);
    }

    /// <summary>USER_HZ: 100 on every Linux architecture .NET runs on.</summary>
    private const int ClockTicksPerSecond = 100;

    private static double Read(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var kb = line[field.Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return double.NaN;
    }
}
