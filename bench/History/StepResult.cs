using ScribeBot.Bench.Shared;

namespace ScribeBot.Bench.History;

/// <summary>How one step's history was written: through the host or in-process, how many incidents, how long.</summary>
internal sealed record SeedingTime(string Path, int Incidents, TimeSpan Elapsed);

/// <summary>What was measured at one size of history.</summary>
internal sealed record StepResult(
    int Incidents,
    int DeepPage,
    IReadOnlyDictionary<string, Latencies> Timings,
    IReadOnlyList<double> StartupSeconds,
    double ResidentMiB,
    double PeakMiB,
    double FileMiB,
    double HostCpuMicrosecondsPerRequest,
    double MachineLoad,
    SeedingTime? Seeding);
