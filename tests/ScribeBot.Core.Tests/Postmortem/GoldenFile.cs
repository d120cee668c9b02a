using System.Runtime.CompilerServices;

namespace ScribeBot.Core.Tests.Postmortem;

/// <summary>
/// Compares rendered output with a reviewed file in <c>Postmortem/Golden</c>. The expected text is read from the
/// copy in the test output folder. Run the tests with <c>SCRIBEBOT_UPDATE_GOLDEN=1</c> to write the actual output
/// back to the source folder instead (then read the diff before committing: a person approves a golden).
/// </summary>
internal static class GoldenFile
{
    public static void AssertMatches(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        if (Environment.GetEnvironmentVariable("SCRIBEBOT_UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine(Path.GetDirectoryName(callerPath)!, "Golden", name);
            File.WriteAllText(source, actual);
            return;
        }

        var path = Path.Combine(AppContext.BaseDirectory, "Postmortem", "Golden", name);
        Assert.True(File.Exists(path), $"Golden file {name} is missing; run with SCRIBEBOT_UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
