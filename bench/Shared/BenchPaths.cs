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

    /// <summary>
    /// Publishes the host as README's Deployment section does (framework-dependent, ReadyToRun for this machine's
    /// runtime identifier) into <paramref name="output"/> and returns its <c>ScribeBot.dll</c>. ReadyToRun code is
    /// compiled ahead of time, so start-up is not spent in the JIT; the publish takes a minute or two.
    /// </summary>
    public static async Task<string> PublishReadyToRunAsync(string repository, string output, CancellationToken cancellationToken)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["publish", Path.Combine("src", "ScribeBot"), "-c", "Release",
            "-r", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, "--self-contained", "false",
            "-p:PublishReadyToRun=true", "-o", output, "-v", "q", "-nologo"])
        {
            start.ArgumentList.Add(argument);
        }

        using var publish = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start");
        var standardOutput = publish.StandardOutput.ReadToEndAsync(cancellationToken);
        var standardError = publish.StandardError.ReadToEndAsync(cancellationToken);
        await publish.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"dotnet publish of the host failed ({publish.ExitCode}):\n{await standardOutput.ConfigureAwait(false)}{await standardError.ConfigureAwait(false)}");
        }

        return Path.Combine(output, "ScribeBot.dll");
    }
}
