namespace ScribeBot.Teams.Tests;

/// <summary>
/// The shared, unedited Teams payloads in <c>../shared/fixtures/teams</c> next to the repository, read where they
/// lie so that nobody can "fix" a copy.
/// </summary>
internal static class Fixtures
{
    public static string Directory { get; } = Find();

    public static string Text(string name) => File.ReadAllText(Path.Combine(Directory, name));

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ScribeBot.sln")))
            {
                var shared = Path.Combine(directory.Parent?.FullName ?? directory.FullName, "shared", "fixtures", "teams");
                return System.IO.Directory.Exists(shared)
                    ? shared
                    : throw new InvalidOperationException($"Teams fixtures not found at {shared}.");
            }
        }

        throw new InvalidOperationException("ScribeBot.sln not found above " + AppContext.BaseDirectory);
    }
}
