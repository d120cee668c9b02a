using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ScribeBot.Bench.Shared;

namespace ScribeBot.Bench.History;

/// <summary>How the host under test is configured: Slack's signing secret, a bot token (or none) and the loopback Web API.</summary>
internal sealed record HostSettings(string SigningSecret, string? BotToken, string ApiBaseUrl);

/// <summary>
/// The host under test: the Release build of <c>src/ScribeBot</c> as its own process on a loopback port, on a data file
/// of the benchmark's. Each start is timed from launching the process to the first 200 of <c>GET /healthz</c>,
/// which commits a write through the store: what a service manager's health probe waits for.
/// </summary>
internal sealed class HistoryHost(string hostAssembly, string workDirectory, string storeProvider, HostSettings settings)
    : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    private ServerProcess? _process;

    public IPEndPoint Endpoint { get; private set; } = new(IPAddress.Loopback, 0);

    public bool IsRunning => _process is { HasExited: false };

    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("The host is not running.");

    /// <summary>Starts the host on <paramref name="dataPath"/> and returns the time until it answered <c>/healthz</c> with 200.</summary>
    public async Task<TimeSpan> StartAsync(string dataPath, CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The host is already running.");
        }

        var port = ServerProcess.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Storage__Provider"] = storeProvider,
            ["Storage__LiteDb__Path"] = dataPath,
            ["Slack__SigningSecret"] = settings.SigningSecret,
            // Every Web API call, with or without a token, stays on loopback.
            ["Slack__ApiBaseUrl"] = settings.ApiBaseUrl,
        };
        if (settings.BotToken is { } token)
        {
            environment["Slack__BotToken"] = token;
        }

        Endpoint = new IPEndPoint(IPAddress.Loopback, port);
        if (_process is not null)
        {
            await _process.DisposeAsync().ConfigureAwait(false);
        }

        var clock = Stopwatch.StartNew();
        _process = ServerProcess.Start("dotnet", [hostAssembly], workDirectory, environment, readyText: "ScribeBot listening on");
        await WaitHealthyAsync(_process, cancellationToken).ConfigureAwait(false);
        return clock.Elapsed;
    }

    /// <summary>Stops the host as a service manager would (SIGTERM); it drains its writer and closes the file.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process is not null)
        {
            await _process.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task WaitHealthyAsync(ServerProcess process, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        var probe = RawHttpConnection.Get("/healthz", SlackTraffic.HostHeader(Endpoint));
        while (true)
        {
            if (process.HasExited || deadline.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException(
                    $"The host did not become healthy ({(process.HasExited ? "it exited" : "timed out")}). Output:\n{string.Join('\n', process.Output.TakeLast(40))}");
            }

            try
            {
                var connection = await RawHttpConnection.OpenAsync(Endpoint, cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    if (await connection.SendAsync(probe, cancellationToken).ConfigureAwait(false) == 200)
                    {
                        return;
                    }
                }
            }
            catch (Exception exception) when (exception is SocketException or IOException)
            {
                // Not listening yet, or it closed the connection while starting.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken).ConfigureAwait(false);
        }
    }
}
