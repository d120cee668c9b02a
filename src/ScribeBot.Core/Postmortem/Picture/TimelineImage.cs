namespace ScribeBot.Core.Postmortem.Picture;

/// <summary>A drawn timeline: the PNG's bytes, its size in pixels and the text that describes it to a screen reader.</summary>
public sealed record TimelineImage(byte[] Png, int Width, int Height, string AltText)
{
    public const string ContentType = "image/png";

    /// <summary>The file name a download or an upload gives the image (<c>INC-12-timeline.png</c>).</summary>
    public static string FileName(string incidentId) => $"{incidentId}-timeline.png";
}
