namespace ScribeBot.Testing;

/// <summary>Files of the repository (fixtures, samples, manifests), found by walking up to ScribeBot.sln.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    public static string TeamsManifest => Path.Combine(Root, "manifests", "teams");

    /// <summary><c>tests/fixtures</c>: the published platform payloads (sources in its <c>SOURCES.md</c>).</summary>
    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ScribeBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ScribeBot.sln not found above " + AppContext.BaseDirectory);
    }
}
