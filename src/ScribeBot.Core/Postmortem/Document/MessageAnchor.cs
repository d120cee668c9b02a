using System.Globalization;
using System.Text;

namespace ScribeBot.Core.Postmortem.Document;

/// <summary>
/// In-document anchors for transcript lines. A message with no chat permalink (replay, the web sandbox) links its
/// timeline line to its own line in the draft's transcript appendix instead.
/// </summary>
public static class MessageAnchor
{
    private const string Prefix = "msg-";

    /// <summary>The anchor id of a message: <c>msg-</c> and the id with anything but letters, digits and - as <c>_xx</c>.</summary>
    public static string Id(string messageId)
    {
        var builder = new StringBuilder(Prefix, Prefix.Length + messageId.Length);
        foreach (var c in messageId)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '-')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('_').Append(((int)c).ToString("x", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>The link to a message's transcript line: <c>#msg-...</c>.</summary>
    public static string Href(string messageId) => "#" + Id(messageId);

    /// <summary>True for a link made by <see cref="Href"/>; only such fragments are written as links.</summary>
    public static bool IsHref(string link) =>
        link.StartsWith("#" + Prefix, StringComparison.Ordinal) && link.Skip(1).All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
