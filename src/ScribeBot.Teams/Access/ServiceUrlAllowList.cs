namespace ScribeBot.Teams.Access;

/// <summary>
/// The Bot Connector addresses the bot may call. An activity names its own <c>serviceUrl</c> and the SDK attaches the
/// bot's token to every call it makes there, so a reference whose address is not Microsoft's would hand that token
/// (and the incident's text) to whoever wrote it. A URL is allowed when an entry has the same scheme, host and port
/// and the URL's path starts with the entry's.
/// </summary>
internal sealed class ServiceUrlAllowList
{
    /// <summary>
    /// Microsoft's Teams service URLs for the public cloud (regional paths under one host), GCC, GCC High and DoD, as the
    /// Teams proactive-messaging documentation lists them.
    /// </summary>
    public static readonly IReadOnlyList<string> TeamsDefaults =
    [
        "https://smba.trafficmanager.net/",
        "https://smba.infra.gcc.teams.microsoft.com/",
        "https://smba.infra.gov.teams.microsoft.us/",
        "https://smba.infra.dod.teams.microsoft.us/",
    ];

    private readonly Uri[] _entries;
    private readonly bool _loopbackOnly;

    private ServiceUrlAllowList(Uri[] entries, bool loopbackOnly)
    {
        _entries = entries;
        _loopbackOnly = loopbackOnly;
    }

    public IReadOnlyList<Uri> Entries => _entries;

    /// <summary>The configured entries, or Microsoft's when none are configured. Unparsable entries are the validator's to refuse.
    /// Blank entries (a key left empty in the environment) count as not set.</summary>
    public static ServiceUrlAllowList From(IReadOnlyCollection<string> configured)
    {
        var entries = configured.Where(e => !string.IsNullOrWhiteSpace(e)).ToArray();
        return new([.. (entries.Length > 0 ? entries : TeamsDefaults).Select(Parse).OfType<Uri>()], loopbackOnly: false);
    }

    /// <summary>The Bot Framework Emulator's connector runs on the same machine; nothing else is called without an app id.</summary>
    public static ServiceUrlAllowList LoopbackOnly() => new([], loopbackOnly: true);

    /// <summary>An entry is an absolute URL without query: https, or http for a loopback host (tests, a local fake).</summary>
    public static Uri? Parse(string? entry) =>
        Uri.TryCreate(entry?.Trim(), UriKind.Absolute, out var url)
        && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
        && string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment) && string.IsNullOrEmpty(url.UserInfo)
            ? url
            : null;

    // Compared segment by segment: an entry for /amer must not admit /amerx.
    private static string PathOf(Uri url) => url.AbsolutePath.TrimEnd('/') + "/";

    public bool Allows(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url) || !string.IsNullOrEmpty(url.UserInfo)
            || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return false;
        }

        if (_loopbackOnly)
        {
            return url.IsLoopback;
        }

        return _entries.Any(entry =>
            entry.Scheme == url.Scheme
            && string.Equals(entry.IdnHost, url.IdnHost, StringComparison.OrdinalIgnoreCase)
            && entry.Port == url.Port
            && PathOf(url).StartsWith(PathOf(entry), StringComparison.OrdinalIgnoreCase));
    }
}
