using Microsoft.Extensions.Options;
using ScribeBot.Core.Access;
using ScribeBot.Core.Configuration;
using ScribeBot.Core.Text;

namespace ScribeBot.Web.Access;

/// <summary>
/// Keeps the web pages (dashboard, editor, sandbox, downloads, sign-in) from being reached under a name or through a
/// relay the host does not know. DNS rebinding makes a browser send a page's requests, with the victim's access, to
/// 127.0.0.1 under the attacker's host name; a tunnel or proxy on this machine connects from loopback for anyone. So:
/// without sign-in only <c>localhost</c>, <c>127.0.0.1</c> and <c>[::1]</c> are served (any port) and a request carrying
/// a client-address header is refused; with sign-in only the host of <c>Scribe:PublicBaseUrl</c>. Machine endpoints
/// (<see cref="MachineEndpoint"/>) authenticate each request themselves and are left alone.
/// </summary>
internal sealed partial class WebHostGuard(RequestDelegate next, IOptions<DashboardOptions> dashboard, IOptions<ScribeOptions> scribe, ILogger<WebHostGuard> logger)
{
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    private readonly bool _signIn = dashboard.Value.Oidc.Enabled;
    private readonly string? _publicHost = Uri.TryCreate(scribe.Value.PublicBaseUrl, UriKind.Absolute, out var url) ? url.Host : null;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<MachineEndpoint>() is not null)
        {
            return next(context);
        }

        var host = context.Request.Host.Host;
        if (!IsServedHost(host))
        {
            LogRefused(logger, "host not served", TextShortener.Shorten(host, TextShortener.LogLength));
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }

        if (!_signIn && RelayHeaders.FirstIn(context.Request.Headers.Keys) is { } relayHeader)
        {
            LogRefused(logger, "relay header without sign-in", relayHeader);
            // Bare, like every refusal of the loopback-only dashboard: the log says why, the relayed stranger learns nothing.
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        return next(context);
    }

    private bool IsServedHost(string host) =>
        _signIn
            ? _publicHost is not null && string.Equals(host, _publicHost, StringComparison.OrdinalIgnoreCase)
            : LoopbackHosts.Any(h => string.Equals(h, host, StringComparison.OrdinalIgnoreCase));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Web request refused ({Reason}): {Detail}")]
    private static partial void LogRefused(ILogger logger, string reason, string detail);
}
