using System.Threading.Channels;

namespace ScribeBot.Tests.Hosting;

/// <summary>
/// Runs the built ScribeBot host (copied next to the tests by the project reference) as a child process and reads
/// its output line by line, so tests wait on what it says rather than on a clock.
/// </summary>
internal sealed partial class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _seen = [];
    private int _openStreams = 2;

    private HostProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Receive(e.Data);
        _process.ErrorDataReceived += (_, e) => Receive(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static string HostAssembly => Path.Combine(AppContext.BaseDirectory, "ScribeBot.dll");

    /// <summary>The host's line that it listens, with its address in <c>url</c>.</summary>
    [GeneratedRegex(@"ScribeBot listening on (?<url>http://127\.0\.0\.1:\d+)")]
    public static partial Regex Listening();

    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// The host's own pid: <c>dotnet ScribeBot.dll</c> runs the app inside the muxer's process (hostfxr loads the runtime
    /// in place), so there is no wrapper between the test and the host.
    /// </summary>
    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// The host as an operator starts it: listening on <paramref name="url"/> (a free loopback port unless told),
    /// keeping its data in <paramref name="dataFile"/>, started from the temp directory.
    /// </summary>
    public static HostProcess StartOnDataFile(
        string dataFile, IReadOnlyDictionary<string, string>? environment = null, string url = "http://127.0.0.1:0") =>
        Start(["--urls", url, "--Storage:LiteDb:Path", dataFile], Path.GetTempPath(), environment);

    /// <param name="environment">Set for the child only, after the defaults (so a test can override them).</param>
    public static HostProcess Start(
        IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HostAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new HostProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Waits for an output line matching <paramref name="pattern"/>; fails with everything seen so far.</summary>
    public async Task<Match> WaitForLineAsync(Regex pattern, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var line in _lines.Reader.ReadAllAsync(cancellationToken))
            {
                _seen.Add(line);
                var match = pattern.Match(line);
                if (match.Success)
                {
                    return match;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        throw new Xunit.Sdk.XunitException($"No line matched {pattern}. Output:\n{string.Join('\n', _seen)}");
    }

    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>Waits for the host to exit and gives its exit code with all it wrote.</summary>
    public async Task<(int Exit, string Output)> WaitForExitAndOutputAsync(CancellationToken cancellationToken)
    {
        var exit = await WaitForExitAsync(cancellationToken);
        return (exit, OutputSoFar());
    }

    /// <summary>
    /// SIGKILL to the host process alone (<see cref="Process.Kill()"/> on Unix): no shutdown, no finaliser, no flush.
    /// Returns once the process is gone.
    /// </summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        await _process.WaitForExitAsync(cancellationToken);
    }

    /// <summary>The output lines read so far and those still buffered, for a failure message.</summary>
    public string OutputSoFar()
    {
        while (_lines.Reader.TryRead(out var line))
        {
            _seen.Add(line);
        }

        return string.Join('\n', _seen);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Receive(string? line)
    {
        // Each of stdout and stderr ends with a null; only when both have ended is there nothing more to read (the
        // first to end must not drop lines the other still has, e.g. an error on stderr after an empty stdout).
        if (line is null)
        {
            if (Interlocked.Decrement(ref _openStreams) == 0)
            {
                _lines.Writer.TryComplete();
            }
        }
        else
        {
            _lines.Writer.TryWrite(line);
        }
    }
}
