using System.Globalization;
using System.Text;

namespace ScribeBot.Bench.History;

/// <summary>
/// The benchmark's tables, in Markdown: each measure at each size of history (median / max), the host's CPU time
/// during each request, how each grew against the first size (and per 10x of history), and the verdict against
/// issue 14's goal: at the last size every measure within 1.5x of its value at the first (or under 20 ms), and
/// start-up under 1 s.
/// </summary>
internal static class HistoryReport
{
    public const double GrowthLimit = 1.5;
    public const double FlatEnoughMilliseconds = 20;
    public const double StartupLimitSeconds = 1;

    private const string StartupName = "start-up to healthy";
    private const string ResidentName = "host RSS";
    private const string FileName = "data file";
    private const string CpuName = "host CPU per timed request, all work";

    /// <summary>The data file grows with the data by nature, and CPU per request is shown to explain the latencies.</summary>
    private const string NotJudged = "not judged";

    public static string Measures(IReadOnlyList<StepResult> steps)
    {
        var text = new StringBuilder();
        text.AppendLine(Header("measure (median / max)", steps.Select(s => N(s.Incidents))));
        foreach (var name in StepMeasurer.Names)
        {
            text.AppendLine(Row(name, steps.Select(s => $"{Ms(s.Timings[name].Milliseconds(0.5))} / {Ms(s.Timings[name].Milliseconds(1))} ms")));
        }

        text.AppendLine(Row(StartupName, steps.Select(s => $"{Median(s.StartupSeconds):0.00} / {s.StartupSeconds.Max():0.00} s")));
        text.AppendLine(Row(FileName, steps.Select(s => $"{s.FileMiB:N1} MiB")));
        text.AppendLine(Row($"{ResidentName} (peak)", steps.Select(s => $"{s.ResidentMiB:0} ({s.PeakMiB:0}) MiB")));
        text.AppendLine(Row(CpuName, steps.Select(s => $"{s.Rounds.CpuMicrosecondsPerRequest / 1000:0.00} ms")));
        text.AppendLine(Row($"machine load while timing ({Environment.ProcessorCount} cores)", steps.Select(s => $"{s.MachineLoad:0.0}")));
        text.AppendLine();
        text.AppendLine("Deep page: " + string.Join(", ", steps.Select(s => $"page {s.DeepPage} at {N(s.Incidents)}")) + ".");
        return text.ToString();
    }

    /// <summary>The host's CPU time during each request: what history costs, whatever else the machine runs.</summary>
    public static string HostCpu(IReadOnlyList<StepResult> steps)
    {
        var text = new StringBuilder();
        text.AppendLine(Header("host CPU during the request (median)", steps.Select(s => N(s.Incidents))));
        foreach (var name in StepMeasurer.Names)
        {
            text.AppendLine(Row(name, steps.Select(s => $"{Ms(s.Rounds.CpuTimes[name].Milliseconds(0.5))} ms")));
        }

        return text.ToString();
    }

    public static string Seeding(IReadOnlyList<StepResult> steps)
    {
        var text = new StringBuilder();
        text.AppendLine(Header("step", ["incidents written", "path", "time", "incidents/s"]));
        foreach (var step in steps)
        {
            text.AppendLine(step.Seeding is { } seeding
                ? Row(N(step.Incidents), [N(seeding.Incidents), seeding.Path, $"{seeding.Elapsed.TotalSeconds:N0} s", $"{seeding.Incidents / seeding.Elapsed.TotalSeconds:N1}"])
                : Row(N(step.Incidents), ["0", "(reused from the data directory)", "-", "-"]));
        }

        return text.ToString();
    }

    /// <summary>Growth against the first step and the verdict; empty with fewer than two steps.</summary>
    public static string Growth(IReadOnlyList<StepResult> steps)
    {
        if (steps.Count < 2)
        {
            return "";
        }

        var first = steps[0];
        var last = steps[^1];
        var later = steps.Skip(1).ToArray();
        var decades = Math.Log10((double)last.Incidents / first.Incidents);
        string PerDecade(double v0, double vL) => decades > 0 && v0 > 0 ? $"x{Math.Pow(vL / v0, 1 / decades):0.00}" : "-";

        var text = new StringBuilder();
        text.AppendLine(Header($"measure (median, x its value at {N(first.Incidents)})",
            later.Select(s => $"at {N(s.Incidents)}").Concat(["per 10x of history", "host CPU per 10x", $"goal at {N(last.Incidents)}"])));
        var failures = new List<string>();
        var judgedCount = 0;
        foreach (var (name, value, cpu, judged) in Series())
        {
            var v0 = value(first);
            var vL = value(last);
            var verdict = judged(v0, vL);
            judgedCount += verdict == NotJudged ? 0 : 1;
            if (verdict.StartsWith("over", StringComparison.Ordinal))
            {
                failures.Add(name);
            }

            text.AppendLine(Row(name, later.Select(s => $"x{value(s) / v0:0.00}")
                .Append(PerDecade(v0, vL))
                .Append(cpu is null ? "-" : PerDecade(cpu(first), cpu(last)))
                .Append(verdict)));
        }

        text.AppendLine();
        var at = last.Incidents >= 50_000 ? $"at {N(last.Incidents)} incidents" : $"at {N(last.Incidents)} incidents (the goal is stated at 50,000)";
        text.AppendLine(failures.Count == 0
            ? $"**Verdict {at}: goal met.** Every measure within {GrowthLimit}x of its value at {N(first.Incidents)} incidents (or under {FlatEnoughMilliseconds} ms), start-up under {StartupLimitSeconds} s."
            : $"**Verdict {at}: goal not met.** {failures.Count} of {judgedCount} measures are over it " +
              $"(goal: within {GrowthLimit}x of the value at {N(first.Incidents)} incidents or under {FlatEnoughMilliseconds} ms, start-up under {StartupLimitSeconds} s): " +
              string.Join(", ", failures) + ".");
        return text.ToString();
    }

    private static IEnumerable<(string Name, Func<StepResult, double> Value, Func<StepResult, double>? Cpu, Func<double, double, string> Judged)> Series()
    {
        foreach (var name in StepMeasurer.Names)
        {
            yield return (name, s => s.Timings[name].Milliseconds(0.5), s => s.Rounds.CpuTimes[name].Milliseconds(0.5), Latency);
        }

        yield return (StartupName, s => Median(s.StartupSeconds), null, Startup);
        yield return (ResidentName, s => s.ResidentMiB, null, (v0, vL) => vL <= GrowthLimit * v0 ? "ok" : "over: grew with history");
        yield return (FileName, s => s.FileMiB, null, (_, _) => NotJudged);
        yield return (CpuName, s => s.Rounds.CpuMicrosecondsPerRequest, null, (_, _) => NotJudged);
    }

    private static string Latency(double v0, double vL) =>
        vL <= GrowthLimit * v0 ? "ok"
        : vL < FlatEnoughMilliseconds ? $"ok (under {FlatEnoughMilliseconds} ms)"
        : $"over: {Ms(vL)} ms";

    private static string Startup(double v0, double vL) =>
        vL >= StartupLimitSeconds ? $"over: {vL:0.00} s"
        : vL > GrowthLimit * v0 ? "over: grew with history"
        : "ok";

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Ms(double milliseconds) =>
        milliseconds.ToString(milliseconds < 10 ? "0.00" : milliseconds < 1000 ? "0.0" : "N0", CultureInfo.InvariantCulture);

    private static string N(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static string Header(string first, IEnumerable<string> columns)
    {
        var all = columns.Prepend(first).ToArray();
        return $"| {string.Join(" | ", all)} |\n| --- |{string.Concat(Enumerable.Repeat(" ---: |", all.Length - 1))}";
    }

    private static string Row(string first, IEnumerable<string> cells) => $"| {string.Join(" | ", cells.Prepend(first))} |";
}
