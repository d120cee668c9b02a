namespace ScribeBot.Tests;

/// <summary>Files of the repository (samples, goldens, manifests), found by walking up to ScribeBot.sln.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    public static string TeamsManifest => Path.Combine(Root, "manifests", "teams");

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
