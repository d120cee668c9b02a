namespace ScribeBot.Tests.Hosting;

/// <summary>
/// A small tmpfs mounted for one test, so a disk can really fill up (needs root, as CI runs). Always unmounted on
/// dispose; a mount that failed leaves only an empty directory, which is removed.
/// </summary>
internal sealed class Tmpfs : IDisposable
{
    private const string FillerName = "filler";

    private Tmpfs(string path) => Path = path;

    public string Path { get; }

    public static bool CanMount => Environment.IsPrivilegedProcess && OperatingSystem.IsLinux();

    public static Tmpfs Mount(int sizeKiB)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "scribebot-tmpfs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", $"size={sizeKiB}k", "tmpfs", path);
        if (code != 0)
        {
            Directory.Delete(path);
            throw new InvalidOperationException($"mount -t tmpfs failed ({code}): {output}");
        }

        return new Tmpfs(path);
    }

    /// <summary>Writes a file until the file system refuses with "no space left"; returns the bytes it took.</summary>
    public long Fill()
    {
        long written = 0;
        using var filler = new FileStream(System.IO.Path.Combine(Path, FillerName), FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 0);
        foreach (var chunk in new[] { 64 * 1024, 4096, 512, 1 })
        {
            var bytes = new byte[chunk];
            try
            {
                while (true)
                {
                    filler.Write(bytes);
                    written += chunk;
                }
            }
            catch (IOException)
            {
                // Full at this chunk size; the smaller ones take what is left.
            }
        }

        return written;
    }

    public void Free() => File.Delete(System.IO.Path.Combine(Path, FillerName));

    public void Dispose()
    {
        // A process that still had a file open would make the unmount busy; lazy detaches it all the same.
        if (Run("umount", Path).Code != 0)
        {
            Run("umount", "-l", Path);
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Still detaching; the temp cleaner gets the empty directory.
        }
    }

    private static (int Code, string Output) Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException(command + " did not start");
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}

/// <summary>A fact that needs a tmpfs: skipped, saying why, when the tests do not run as root (CI runs as root).</summary>
internal sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute()
    {
        if (!Tmpfs.CanMount)
        {
            Skip = "Needs root on Linux to mount a small tmpfs and fill it (CI runs as root); the failing-disk seam tests cover the rest.";
        }
    }
}
