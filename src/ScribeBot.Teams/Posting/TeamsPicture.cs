using Microsoft.Bot.Schema;
using ScribeBot.Core.Postmortem.Picture;

namespace ScribeBot.Teams.Posting;

/// <summary>
/// The draft's timeline picture as the first attempt drew it, sent as an inline image attachment (a base64
/// <c>data:</c> URI) on message <paramref name="At"/> of the rendering: the first, which opens with the summary. The
/// bytes are stored with the rendering, so a retry sends what the first attempt drew.
/// </summary>
internal sealed record TeamsPicture(string Name, byte[] Png, int At)
{
    /// <summary>
    /// Microsoft's limit for a picture in a bot message ("Send and receive messages": up to 1024 × 1024 pixels and
    /// 1 MB, PNG, JPEG or GIF). Taken as 1,000,000 bytes, the smaller reading of "1 MB". The base64 of an inline image
    /// does not count towards the 40/100 KB message limit ("Format your bot messages"), so the text's budget
    /// (<c>TeamsLimits.MaxMessageChars</c>) is unchanged by it.
    /// </summary>
    public const int MaxBytes = 1_000_000;

    /// <summary>The largest width and height Teams documents for a picture in a bot message.</summary>
    public const int MaxPixels = 1024;

    /// <summary>Whether Teams takes <paramref name="image"/> inline: within both documented limits.</summary>
    public static bool Fits(TimelineImage image) =>
        image.Png.Length <= MaxBytes && image.Width is > 0 and <= MaxPixels && image.Height is > 0 and <= MaxPixels;

    public Attachment ToAttachment() => new()
    {
        ContentType = TimelineImage.ContentType,
        ContentUrl = $"data:{TimelineImage.ContentType};base64,{Convert.ToBase64String(Png)}",
        Name = Name,
    };
}
