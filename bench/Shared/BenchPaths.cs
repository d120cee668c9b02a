namespace ScribeBot.Bench.Shared;

/// <summary>Where a benchmark finds the repository and the host build it runs.</summary>
public static class BenchPaths
{
    /// <summary>The directory holding <c>ScribeBot.sln</c>, found upwards from the benchmark's build output.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ScribeBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the ScribeBot repository (ScribeBot.sln not found above the build output).");
    }

    /// <summary>The configuration the benchmark was built in (<c>Release</c>, <c>Debug</c>): the host's build is taken from the same.</summary>
    public static string Configuration() => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary><c>src/ScribeBot/bin/{configuration}/net10.0/ScribeBot.dll</c>, built with the benchmark (a project reference).</summary>
    public static string HostAssembly(string repository, string configuration) =>
        Path.Combine(repository, "src", "ScribeBot", "bin", configuration, "net10.0", "ScribeBot.dll");
}
