using System.Text.Json;

namespace ScribeBot.Teams;

/// <summary>
/// What the Bot Framework takes on trust and we check before it reads a body: a JSON object in UTF-8, not deeper than
/// an activity gets, every string real text, with a <c>type</c> and an absolute http(s) <c>serviceUrl</c>. The SDK
/// (Newtonsoft) reads invalid UTF-8 and escaped lone surrogates as replacement or broken characters that would be
/// stored, and throws on a missing or malformed serviceUrl (a 500). Names match as Newtonsoft matches them, ignoring
/// case: Microsoft's own published invokes spell it <c>serviceURL</c>.
/// </summary>
internal static class TeamsRequestBody
{
    /// <summary>Activities nest a few levels (entities, attachments, Adaptive Cards); 64 leaves room for all of them.</summary>
    private const int MaxDepth = 64;

    /// <summary>Null when the body may go to the adapter, else why not.</summary>
    public static string? Check(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxDepth });
        string? type = null;
        string? serviceUrl = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "body is not a JSON object";
            }

            string? property = null;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        break;
                    case JsonTokenType.String:
                        var value = reader.GetString();
                        if (reader.CurrentDepth == 1 && string.Equals(property, "type", StringComparison.OrdinalIgnoreCase))
                        {
                            type = value;
                        }
                        else if (reader.CurrentDepth == 1 && string.Equals(property, "serviceUrl", StringComparison.OrdinalIgnoreCase))
                        {
                            serviceUrl = value;
                        }

                        break;
                }
            }
        }
        catch (JsonException exception)
        {
            return "body is not JSON: " + exception.Message;
        }
        catch (InvalidOperationException)
        {
            return "a string is not valid UTF-8 or UTF-16";
        }

        if (string.IsNullOrEmpty(type))
        {
            return "activity without type";
        }

        // Even an invoke, answered in the HTTP response: CloudAdapter builds its connector client from serviceUrl first
        // and throws without one.
        return Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? null
            : "activity without an absolute http(s) serviceUrl";
    }
}
