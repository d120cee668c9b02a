using System.Net;
using ScribeBot.Core.Postmortem.Picture;
using ScribeBot.Core.Text;

namespace ScribeBot.Web;

/// <summary>
/// The timeline picture as an HTML draft shows it in place of the Mermaid block: where the image comes from (a
/// <c>data:</c> URI for a file that must stand alone, or the picture's address), its alt text and its size in CSS
/// pixels (a 2x image shown at 1x size, sharp on every screen).
/// </summary>
internal sealed record DraftPicture(string Source, string AltText, int Width, int Height)
{
    /// <summary>The image itself inside the page: a 2x PNG as base64, shown at half its pixel size.</summary>
    public static DraftPicture Embedded(TimelineImage image, int scale) =>
        new($"data:{TimelineImage.ContentType};base64,{Convert.ToBase64String(image.Png)}", image.AltText, image.Width / scale, image.Height / scale);

    /// <summary>
    /// The picture by its address (<c>/incidents/{id}/timeline.png?scale=2</c>), for pages of this host, behind the same
    /// access rule: the page stays light and the browser revalidates the image by its ETag. Alt text and size come from
    /// <paramref name="oneX"/>, the picture laid out at 1x (not drawn: the browser fetches the image itself).
    /// </summary>
    public static DraftPicture Linked(TimelineDescription oneX, string incidentId) =>
        new(TimelinePictureEndpoint.PathOf(incidentId, 2), oneX.AltText, oneX.Width, oneX.Height);

    /// <summary>
    /// The figure, every value encoded. Raw HTML, which Markdig is told never to take from the Markdown: this one is
    /// built here, from the picture's own values.
    /// </summary>
    public string ToHtml()
    {
        // WebUtility, not HtmlEncoder: the latter writes every '+' of the base64 as an entity, five times its size.
        // A direction override in the incident's title is closed inside the alt text, as everywhere user text is shown.
        // Self-closed, so the feed's posts stay well-formed XML too.
        var alt = WebUtility.HtmlEncode(AltText + BidiText.Closers(AltText));
        return $"<figure class=\"timeline-picture\"><img src=\"{WebUtility.HtmlEncode(Source)}\" alt=\"{alt}\" width=\"{Width}\" height=\"{Height}\" /></figure>";
    }
}
