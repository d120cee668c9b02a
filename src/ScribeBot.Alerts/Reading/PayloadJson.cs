using System.Text.Json;

namespace ScribeBot.Alerts.Reading;

/// <summary>
/// Parses a webhook body and runs a source's reader on it, turning everything a hostile or broken body can cause into
/// a one-line reason: not JSON, nested deeper than any webhook, not an object, a field missing or mistyped, a string
/// that is not UTF-8. The reasons are ours and quote nothing from the body.
/// </summary>
internal static class PayloadJson
{
    // The webhooks nest five levels at most; 32 leaves room and stops a stack-hungry body early. A name given twice
    // in one object is refused: which of the two a reader took would be a guess.
    private const int MaxDepth = 32;

    public static AlertRead Read(byte[] body, Func<PayloadNode, AlertRead> read)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth, AllowDuplicateProperties = false });
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? read(new PayloadNode(document.RootElement, ""))
                : AlertRead.Malformed("body is not a JSON object");
        }
        catch (JsonException exception)
        {
            return AlertRead.Malformed($"body is not JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1})");
        }
        catch (PayloadException exception)
        {
            return AlertRead.Malformed(exception.Message);
        }
        catch (InvalidOperationException)
        {
            // What JsonElement throws for a string it cannot decode: invalid UTF-8, an escaped lone surrogate.
            return AlertRead.Malformed("a string is not valid UTF-8 text");
        }
    }
}
