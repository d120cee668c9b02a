namespace ScribeBot.Tests.Crash;

/// <summary>
/// How many SIGKILLs and which seed: CI-sized by default, overridable for a longer run from the same command, e.g.
/// <c>SCRIBEBOT_CRASH_KILLS=100 SCRIBEBOT_CRASH_SEED=42 dotnet test tests/ScribeBot.Tests --filter FullyQualifiedName~HostCrash</c>.
/// </summary>
internal sealed record CrashSettings(int Kills, int Seed)
{
    public const int DefaultKills = 10;
    public const string KillsVariable = "SCRIBEBOT_CRASH_KILLS";
    public const string SeedVariable = "SCRIBEBOT_CRASH_SEED";

    public static CrashSettings FromEnvironment() => new(
        Read(KillsVariable) ?? DefaultKills,
        Read(SeedVariable) ?? Random.Shared.Next());

    private static int? Read(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text
            ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : null;
}
