using ScribeBot.Core.Incidents;

namespace ScribeBot.Alerts.Reading;

/// <summary>
/// How a page's text fields are kept: trimmed, blank as none, and cut at the core's limits with an ellipsis rather
/// than refused, since a page with a long title is still a page. Ids are the exception: one longer than any source
/// makes is refused, as it would be used as a key.
/// </summary>
internal static class PageText
{
    public const int MaxIdLength = 200;

    public static string? Title(string? text) => Clip(text, IncidentLimits.MaxTitleLength);

    public static string? Text(string? text) => Clip(text, IncidentLimits.MaxTextLength);

    /// <summary>A label's name or value: routes compare them whole, so short, like the title.</summary>
    public static string Label(string text) => Clip(text, IncidentLimits.MaxTitleLength) ?? "";

    public static string Id(string id, string path) =>
        id.Length <= MaxIdLength ? id : throw new PayloadException($"{path} is longer than {MaxIdLength} characters");

    /// <summary>An absolute http or https link; anything else (javascript:, a relative path, a file) is dropped.</summary>
    public static string? Url(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var url)
        && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
        && url.OriginalString.Length <= IncidentLimits.MaxTextLength
            ? url.OriginalString
            : null;

    /// <summary>The first of <paramref name="texts"/> that is not blank.</summary>
    public static string? First(params string?[] texts) => texts.FirstOrDefault(text => !string.IsNullOrWhiteSpace(text));

    private static string? Clip(string? text, int max)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length <= max)
        {
            return string.IsNullOrEmpty(trimmed) ? null : trimmed;
        }

        // Never half a surrogate pair: the cut text must still be valid UTF-16.
        var cut = char.IsHighSurrogate(trimmed[max - 2]) ? max - 2 : max - 1;
        return trimmed[..cut].TrimEnd() + "…";
    }
}
