using System.Text.Json;

namespace ScribeBot.Slack.Tests;

/// <summary>
/// The shared, unedited Slack payloads in <c>../shared/fixtures/slack</c> next to the repository, read where they
/// lie so that nobody can "fix" a copy.
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
                var shared = Path.Combine(directory.Parent?.FullName ?? directory.FullName, "shared", "fixtures", "slack");
                return System.IO.Directory.Exists(shared)
                    ? shared
                    : throw new InvalidOperationException($"Slack fixtures not found at {shared}.");
            }
        }

        throw new InvalidOperationException("ScribeBot.sln not found above " + AppContext.BaseDirectory);
    }
}
