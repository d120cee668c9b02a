using System.Globalization;
using System.Text.Json;
using ScribeBot.Slack.Commands;
using ScribeBot.Slack.Interaction;
using ScribeBot.Slack.Text;

namespace ScribeBot.Slack.Events;

/// <summary>
/// One entry point for everything Slack delivers, as Bolt does on its single endpoint: Events API JSON, slash-command
/// forms and interactivity forms over HTTP, and the same three inside Socket Mode envelopes. Call it only after the
/// request's signature was verified. <c>userNames</c> (see <see cref="SlackNames"/>) fills display names; without
/// it people are named by their user id.
/// </summary>
internal sealed class SlackInboundReader
{
    private readonly SlackEventReader _events;
    private readonly SlackInteractionReader _interactions;

    public SlackInboundReader(string? botUserId, string? botId)
    {
        var messages = new SlackMessageConverter(botUserId, botId);
        _events = new SlackEventReader(messages);
        _interactions = new SlackInteractionReader(messages);
    }

    /// <param name="contentType">The request's Content-Type header.</param>
    /// <param name="body">The raw body, the same bytes the signature covered.</param>
    /// <param name="requestAt">The verified <c>X-Slack-Request-Timestamp</c>: a slash command's instant.</param>
    /// <param name="retry">From <c>X-Slack-Retry-Num</c> / <c>X-Slack-Retry-Reason</c>, see <see cref="RetryFromHeaders"/>.</param>
    public SlackInbound ReadHttp(
        string? contentType, ReadOnlySpan<byte> body, DateTimeOffset requestAt, SlackRetry? retry,
        IReadOnlyDictionary<string, string>? userNames = null)
    {
        var mediaType = contentType?.Split(';', 2)[0].Trim();
        if (string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return _events.Read(body, retry, userNames);
        }

        if (!string.Equals(mediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return new SlackMalformed($"unsupported content type {mediaType ?? "(none)"}");
        }

        // Interactivity forms carry only "payload"; slash commands never do.
        if (FormBody.Parse(body) is not { } form)
        {
            return new SlackMalformed("form body is not UTF-8");
        }

        return form.ContainsKey("payload")
            ? _interactions.ReadForm(body, userNames)
            : SlackSlashCommandReader.ReadForm(body, requestAt, userNames);
    }

    /// <summary>
    /// A Socket Mode frame. Returns the envelope id to acknowledge (null for <c>hello</c> / <c>disconnect</c>, which
    /// are the connection's own business) and what the envelope carries.
    /// </summary>
    /// <param name="receivedAt">When the frame arrived: a slash command's instant, as envelopes carry no timestamp.</param>
    public SlackEnvelope ReadSocketFrame(ReadOnlySpan<byte> frame, DateTimeOffset receivedAt, IReadOnlyDictionary<string, string>? userNames = null)
    {
        try
        {
            using var document = JsonDocument.Parse(frame.ToArray(), JsonFields.Options);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new SlackEnvelope(null, new SlackMalformed("frame is not a JSON object"));
            }

            var envelopeId = root.Text("envelope_id");
            var type = root.String("type");
            if (envelopeId is null)
            {
                return new SlackEnvelope(null, type is null ? new SlackMalformed("frame without type") : new SlackIgnored($"socket message {type}"));
            }

            if (root.Object("payload") is not { } payload)
            {
                return new SlackEnvelope(envelopeId, new SlackMalformed("envelope without payload"));
            }

            var inbound = type switch
            {
                "events_api" => _events.Read(payload, RetryOf(root), userNames),
                "slash_commands" => SlackSlashCommandReader.ReadJson(payload, receivedAt, userNames),
                "interactive" => _interactions.ReadJson(payload, userNames),
                _ => new SlackIgnored($"envelope type {type ?? "(none)"}"),
            };
            return new SlackEnvelope(envelopeId, inbound);
        }
        catch (JsonException exception)
        {
            return new SlackEnvelope(null, new SlackMalformed("frame is not JSON: " + exception.Message));
        }
    }

    /// <summary>The retry headers of an HTTP delivery; null for a first delivery or unreadable headers.</summary>
    public static SlackRetry? RetryFromHeaders(string? retryNum, string? retryReason) =>
        int.TryParse(retryNum, NumberStyles.None, CultureInfo.InvariantCulture, out var attempt) && attempt > 0
            ? new SlackRetry(attempt, string.IsNullOrEmpty(retryReason) ? null : retryReason)
            : null;

    private static SlackRetry? RetryOf(JsonElement envelope) =>
        envelope.Int("retry_attempt") is > 0 and var attempt ? new SlackRetry(attempt, envelope.Text("retry_reason")) : null;
}

/// <summary>A Socket Mode frame: the id to acknowledge, if it is an envelope, and what it carries.</summary>
internal sealed record SlackEnvelope(string? EnvelopeId, SlackInbound Inbound);
