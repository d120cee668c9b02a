using System.Text.Json;

namespace ScribeBot.Slack.Tests;

/// <summary>
/// The published, unedited Slack payloads in <c>tests/fixtures/slack</c> (sources in <c>tests/fixtures/SOURCES.md</c>): copied
/// into the repository so a clone passes with nothing beside it, and never edited, so nobody can "fix" a payload.
/// </summary>
internal static class Fixtures
{
    public static string Directory { get; } = Find();

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Directory, name));

    public static JsonElement Json(string name)
    {
        using var document = JsonDocument.Parse(Bytes(name));
        return document.RootElement.Clone();
    }

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ScribeBot.sln")))
            {
                var fixtures = Path.Combine(directory.FullName, "tests", "fixtures", "slack");
                return System.IO.Directory.Exists(fixtures)
                    ? fixtures
                    : throw new InvalidOperationException($"Slack fixtures not found at {fixtures}.");
            }
        }

        throw new InvalidOperationException("ScribeBot.sln not found above " + AppContext.BaseDirectory);
    }
}
