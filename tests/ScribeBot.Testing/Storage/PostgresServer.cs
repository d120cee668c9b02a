using System.Diagnostics;
using System.Net.Sockets;
using Npgsql;

namespace ScribeBot.Testing.Storage;

/// <summary>
/// A throwaway PostgreSQL server for one test run: <c>initdb</c> into a temp directory, <c>pg_ctl start</c> on a free
/// loopback port (listening on 127.0.0.1 only, its socket in the temp directory, trust authentication), then
/// <c>pg_ctl stop -m immediate</c> and the directory removed on dispose. PostgreSQL refuses to run as root, so as root
/// the programs run as the <c>postgres</c> user (created as a system user when missing) through <c>runuser</c>.
/// Tests take a fresh database each (<see cref="CreateDatabaseAsync"/>). The server runs with <c>fsync=off</c>: it
/// holds nothing worth keeping past a machine crash, and tests on two shared cores should not wait on the disk; the
/// stores' own settings (<c>synchronous_commit=on</c>) are untouched. A server whose test run was killed before it could
/// stop it is stopped by the next run (<see cref="StopAbandonedAsync"/>). <c>bench/StoreIngest</c> compiles this file
/// too and starts its server with <c>fsync</c> on, the server's default, to measure what production pays.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string ServiceUser = "postgres";

    /// <summary>The file in a server's directory that names the test process that started it.</summary>
    private const string OwnerFile = "owner.pid";
    private static int _databases;

    private readonly TempDirectory _directory;
    private readonly string _binaries;
    private readonly string? _runAs;
    private readonly bool _fsync;
    private bool _stopped;
    private bool _down;

    private PostgresServer(TempDirectory directory, string binaries, string? runAs, int port, bool fsync)
    {
        _directory = directory;
        _binaries = binaries;
        _runAs = runAs;
        _fsync = fsync;
        Port = port;
    }

    public int Port { get; }

    private string DataDirectory => _directory.File("data");

    /// <summary>A connection string to <paramref name="database"/> as the superuser.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = ServiceUser, Database = database }.ConnectionString;

    /// <param name="fsync">Whether the server syncs its WAL to the device (off for tests, on for benchmarks).</param>
    public static async Task<PostgresServer> StartAsync(bool fsync = false)
    {
        var binaries = PostgresBinaries.FindDirectory()
            ?? throw new InvalidOperationException("PostgreSQL is not installed: no initdb on the PATH or in /usr/lib/postgresql/*/bin (apt-get install -y postgresql).");
        var runAs = Environment.IsPrivilegedProcess ? await EnsureServiceUserAsync() : null;
        await StopAbandonedAsync(binaries, runAs);
        var directory = new TempDirectory();
        try
        {
            await File.WriteAllTextAsync(directory.File(OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            if (runAs is not null)
            {
                await RunAsync("chown", [runAs, directory.Path], null, directory.Path);
            }

            await RunAsync(Path.Combine(binaries, "initdb"), ["-D", directory.File("data"), "-U", ServiceUser, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], runAs, directory.Path);
            return await StartOnFreePortAsync(directory, binaries, runAs, fsync);
        }
        catch
        {
            // A start that timed out may still have left a server running in the directory.
            if (File.Exists(directory.File(Path.Combine("data", "postmaster.pid"))))
            {
                try
                {
                    await RunAsync(Path.Combine(binaries, "pg_ctl"), ["stop", "-D", directory.File("data"), "-m", "immediate", "-w"], runAs, directory.Path);
                }
                catch (InvalidOperationException)
                {
                }
            }

            directory.Dispose();
            throw;
        }
    }

    /// <summary>Creates an empty database with a name no other test uses; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (_down)
            {
                return;
            }

            await RunAsync(Path.Combine(_binaries, "pg_ctl"), ["stop", "-D", DataDirectory, "-m", "immediate", "-w"], _runAs, _directory.Path);
        }
        finally
        {
            _directory.Dispose();
        }
    }

    /// <summary>
    /// Stops the server as an operator's restart does (<c>pg_ctl stop -m fast</c>: open sessions are ended, the data
    /// stays), for fault tests; <see cref="StartAgainAsync"/> brings it back on the same port.
    /// </summary>
    public async Task StopAsync()
    {
        await RunAsync(Path.Combine(_binaries, "pg_ctl"), ["stop", "-D", DataDirectory, "-m", "fast", "-w"], _runAs, _directory.Path);
        _down = true;
    }

    /// <summary>Starts the server stopped by <see cref="StopAsync"/> again, on the same port; returns once it accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        await RunAsync(
            Path.Combine(_binaries, "pg_ctl"),
            ["start", "-D", DataDirectory, "-w", "-t", "60", "-l", _directory.File("server.log"), "-o", ServerOptions(_directory, Port, _fsync)],
            _runAs,
            _directory.Path);
        _down = false;
    }

    /// <summary>
    /// Stops and removes the servers of earlier test runs that died without disposing their fixture (a crashed or
    /// killed test host): each server's directory names the process that started it, and only servers whose process is
    /// gone are touched.
    /// </summary>
    private static async Task StopAbandonedAsync(string binaries, string? runAs)
    {
        foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), "scribebot-*"))
        {
            var owner = Path.Combine(directory, OwnerFile);
            if (!File.Exists(owner) || !int.TryParse(await File.ReadAllTextAsync(owner), out var pid) || IsRunning(pid))
            {
                continue;
            }

            if (File.Exists(Path.Combine(directory, "data", "postmaster.pid")))
            {
                try
                {
                    await RunAsync(Path.Combine(binaries, "pg_ctl"), ["stop", "-D", Path.Combine(directory, "data"), "-m", "immediate", "-w"], runAs, directory);
                }
                catch (InvalidOperationException)
                {
                    // Already stopped (a stale postmaster.pid): removing the directory is all that is left.
                }
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task<PostgresServer> StartOnFreePortAsync(TempDirectory directory, string binaries, string? runAs, bool fsync)
    {
        // A port free a moment ago may be taken before the server binds it; another one is tried then.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var options = ServerOptions(directory, port, fsync);
            try
            {
                await RunAsync(
                    Path.Combine(binaries, "pg_ctl"),
                    ["start", "-D", directory.File("data"), "-w", "-t", "60", "-l", directory.File("server.log"), "-o", options],
                    runAs,
                    directory.Path);
                return new PostgresServer(directory, binaries, runAs, port, fsync);
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    private static string ServerOptions(TempDirectory directory, int port, bool fsync) =>
        $"-c listen_addresses=127.0.0.1 -p {port} -k {directory.Path} -c fsync={(fsync ? "on" : "off")} -c max_connections=200";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The user the server runs as when the tests run as root: <c>postgres</c>, created when missing.</summary>
    private static async Task<string> EnsureServiceUserAsync()
    {
        try
        {
            await RunAsync("id", ["-u", ServiceUser], null, null);
        }
        catch (InvalidOperationException)
        {
            await RunAsync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", ServiceUser], null, null);
        }

        return ServiceUser;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, string? runAs, string? workingDirectory)
    {
        using var process = Process.Start(Command(program, arguments, runAs, workingDirectory))
            ?? throw new InvalidOperationException($"Could not start {program}.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            var log = workingDirectory is not null && File.Exists(Path.Combine(workingDirectory, "server.log"))
                ? await File.ReadAllTextAsync(Path.Combine(workingDirectory, "server.log"))
                : "";
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await errors}{log}");
        }
    }

    /// <summary>The program with its arguments, through <c>runuser -u USER --</c> when <paramref name="runAs"/> is given.</summary>
    private static ProcessStartInfo Command(string program, IReadOnlyList<string> arguments, string? runAs, string? workingDirectory)
    {
        var start = new ProcessStartInfo(runAs is null ? program : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        if (runAs is not null)
        {
            foreach (var argument in new[] { "-u", runAs, "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
