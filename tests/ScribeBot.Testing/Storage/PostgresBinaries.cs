namespace ScribeBot.Testing.Storage;

/// <summary>
/// Where PostgreSQL's server programs are: <c>initdb</c> on the PATH (its link resolved, so <c>pg_ctl</c> is the one
/// beside it), else the newest <c>/usr/lib/postgresql/N/bin</c> (Debian's <c>postgresql</c> package, which
/// <c>.ci/run</c> installs when missing).
/// </summary>
public static class PostgresBinaries
{
    public static string? FindDirectory()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var initdb = Path.Combine(directory, "initdb");
            if (File.Exists(initdb))
            {
                var real = new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb;
                var home = Path.GetDirectoryName(real)!;
                if (File.Exists(Path.Combine(home, "pg_ctl")))
                {
                    return home;
                }
            }
        }

        const string Debian = "/usr/lib/postgresql";
        return Directory.Exists(Debian)
            ? Directory.GetDirectories(Debian)
                .Select(d => (Directory: Path.Combine(d, "bin"), Version: double.TryParse(Path.GetFileName(d), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(d => File.Exists(Path.Combine(d.Directory, "initdb")) && File.Exists(Path.Combine(d.Directory, "pg_ctl")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Directory)
                .FirstOrDefault()
            : null;
    }
}
