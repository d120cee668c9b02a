using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace ScribeBot.Core.Links;

/// <summary>
/// Whether a URL may be written as the target of a link people can click. A stored link is platform data (a
/// permalink, a configured address), so every renderer asks here before it writes one, and a <c>javascript:</c>,
/// <c>data:</c>, relative or malformed target is shown as its label only. Each renderer then escapes the URL for its
/// own syntax (<see cref="PercentEncode"/> helps); the decision is never made twice.
/// </summary>
public static class SafeLink
{
    /// <summary>
    /// True for an absolute http or https address with a host, written as such: it begins with <c>http://</c> or
    /// <c>https://</c> (any case, nothing before it), has no control character anywhere and no white space at the
    /// end. So what a browser or a chat client reads as the scheme is the scheme checked here, and no renderer has to
    /// decide what to do with a line break inside a link. Spaces inside and non-ASCII host names are allowed; the
    /// renderers percent-encode what their syntax needs.
    /// </summary>
    public static bool IsWebAddress([NotNullWhen(true)] string? url) =>
        url is { Length: > 0 }
        && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        && !char.IsWhiteSpace(url[^1])
        && !HasControlCharacter(url)
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;

    /// <summary>
    /// True for a path on the site that serves the page (<c>/incidents/x</c>): one leading slash, never two and never
    /// a slash and a backslash, which browsers read as another host; no control character or white space at either end.
    /// </summary>
    public static bool IsSitePath([NotNullWhen(true)] string? url) =>
        url is { Length: > 0 }
        && url[0] == '/'
        && (url.Length == 1 || url[1] is not ('/' or '\\'))
        && !char.IsWhiteSpace(url[^1])
        && !HasControlCharacter(url);

    /// <summary><paramref name="url"/> with each of the ASCII <paramref name="characters"/> written as <c>%XX</c>.</summary>
    public static string PercentEncode(string url, string characters)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(characters);
        if (url.AsSpan().IndexOfAny(characters) < 0)
        {
            return url;
        }

        var builder = new StringBuilder(url.Length + 8);
        foreach (var c in url)
        {
            _ = characters.Contains(c, StringComparison.Ordinal)
                ? builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture))
                : builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool HasControlCharacter(string url)
    {
        foreach (var c in url)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
