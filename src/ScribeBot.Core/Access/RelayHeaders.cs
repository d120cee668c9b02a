namespace ScribeBot.Core.Access;

/// <summary>
/// The request headers by which a proxy, tunnel or CDN (nginx, ngrok, cloudflared, Fastly, Akamai...) names the client
/// it relays for. Such a relay on this machine connects from loopback on behalf of anyone, so a request that carries
/// one is not "from this machine", whatever its peer address: whoever trusts loopback peers (the dashboard without
/// sign-in, Teams' Emulator mode) refuses it. One list, so every such place refuses the same requests.
/// </summary>
public static class RelayHeaders
{
    /// <summary>Exact names; any <c>X-Forwarded-*</c> header counts too (<see cref="IsRelayHeader"/>).</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "Forwarded",
        "X-Real-IP",
        "CF-Connecting-IP",
        "True-Client-IP",
        "X-Client-IP",
        "Fastly-Client-IP",
        "X-Original-Forwarded-For",
        "X-Cluster-Client-IP",
        "X-ProxyUser-Ip",
        "Client-IP",
        "Akamai-Client-IP",
        "X-Azure-ClientIP",
        "X-Azure-SocketIP",
        "X-Envoy-External-Address",
    ];

    private const string ForwardedPrefix = "X-Forwarded-";

    /// <summary>True for a header a relay adds to name the client or the original request (host, protocol, port).</summary>
    public static bool IsRelayHeader(string name) =>
        name.StartsWith(ForwardedPrefix, StringComparison.OrdinalIgnoreCase)
        || Names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The first relay header among <paramref name="headerNames"/>, or null.</summary>
    public static string? FirstIn(IEnumerable<string> headerNames) => headerNames.FirstOrDefault(IsRelayHeader);
}
