namespace ScribeBot.Teams.Tests;

/// <summary>
/// The published, unedited Teams payloads in <c>tests/fixtures/teams</c> (sources in <c>tests/fixtures/SOURCES.md</c>): copied
/// into the repository so a clone passes with nothing beside it, and never edited, so nobody can "fix" a payload.
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
                var fixtures = Path.Combine(directory.FullName, "tests", "fixtures", "teams");
                return System.IO.Directory.Exists(fixtures)
                    ? fixtures
                    : throw new InvalidOperationException($"Teams fixtures not found at {fixtures}.");
            }
        }

        throw new InvalidOperationException("ScribeBot.sln not found above " + AppContext.BaseDirectory);
    }
}
