using System.Globalization;
using System.Text.Json.Nodes;
using ScribeBot.Core.Text;
using ScribeBot.Slack.Text;

namespace ScribeBot.Slack.Blocks;

/// <summary>The few blocks we send, as plain JSON. Text arrives already rendered and within its limit.</summary>
internal static class BlockKit
{
    /// <summary>A header: plain_text, never parsed for markup or mentions, broadcast words broken all the same; cut at <see cref="SlackLimits.MaxHeaderText"/>.</summary>
    public static JsonObject Header(string text) => new()
    {
        ["type"] = "header",
        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = HeaderText(text), ["emoji"] = false },
    };

    private static string HeaderText(string text)
    {
        var line = SlackMrkdwn.BreakBroadcasts(text.ReplaceLineEndings(" "));
        var cut = TextShortener.ShortenWithin(line, SlackLimits.MaxHeaderText);
        var closers = BidiText.Closers(cut);
        if (closers.Length == 0)
        {
            return cut;
        }

        // A direction override in the title must not turn the rest of the header around.
        var shorter = TextShortener.ShortenWithin(line, SlackLimits.MaxHeaderText - closers.Length);
        return shorter + BidiText.Closers(shorter);
    }

    public static JsonObject Section(string mrkdwn)
    {
        if (mrkdwn.Length is 0 or > SlackLimits.MaxSectionText)
        {
            throw new ArgumentOutOfRangeException(nameof(mrkdwn), mrkdwn.Length, "A section's text must be 1-3000 characters.");
        }

        // verbatim: Slack must not link bare URLs, channel names or "@name" words on its own; we wrote every link.
        return new JsonObject
        {
            ["type"] = "section",
            ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn, ["verbatim"] = true },
        };
    }

    public static JsonObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn, ["verbatim"] = true }),
    };

    public static JsonObject Divider() => new() { ["type"] = "divider" };

    public static string TypeOf(JsonObject block) => (string)block["type"]!;

    /// <summary>The characters of text a block carries, for the per-message budget.</summary>
    public static int TextLength(JsonObject block) => TypeOf(block) switch
    {
        "header" or "section" => ((string)block["text"]!["text"]!).Length,
        "context" => ((string)block["elements"]![0]!["text"]!).Length,
        _ => 0,
    };

    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
