using ScribeBot.Bench.Shared;

namespace ScribeBot.Bench.History;

/// <summary>How one step's history was written: through the host or in-process, how many incidents, how long.</summary>
internal sealed record SeedingTime(string Path, int Incidents, TimeSpan Elapsed);

/// <summary>
/// One step's timed rounds, by measure: the latencies, and the host's CPU time during each request (both as
/// microseconds in a <see cref="Latencies"/>); and the host's CPU time per request over all the rounds.
/// </summary>
internal sealed record MeasuredRounds(
    IReadOnlyDictionary<string, Latencies> Timings, IReadOnlyDictionary<string, Latencies> CpuTimes, double CpuMicrosecondsPerRequest);

/// <summary>What was measured at one size of history.</summary>
internal sealed record StepResult(
    int Incidents,
    int DeepPage,
    MeasuredRounds Rounds,
    IReadOnlyList<double> StartupSeconds,
    double ResidentMiB,
    double PeakMiB,
    double FileMiB,
    double MachineLoad,
    SeedingTime? Seeding)
{
    public IReadOnlyDictionary<string, Latencies> Timings => Rounds.Timings;
}
