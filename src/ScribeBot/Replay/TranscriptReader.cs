using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ScribeBot.Core.Time;
using ScribeBot.Core.Text;

namespace ScribeBot.Replay;

/// <summary>
/// Reads a transcript strictly: a JSON syntax error names its line, a missing or malformed field names the
/// message's or alert's number (counting from 1) and the field; a file cut short says so. Unknown fields are ignored so that transcripts can carry extra notes.
/// </summary>
internal static partial class TranscriptReader
{
    public static Transcript Read(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new TranscriptFormatException("the file is empty; a transcript is a JSON object with \"channel\" and \"messages\".");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException) when (IsCutShort(json))
        {
            throw new TranscriptFormatException(
                $"the file ends at line {LineCount(json)} before its JSON does (an object, array or string is not closed): it looks cut short.");
        }
        catch (JsonException e)
        {
            throw new TranscriptFormatException(
                $"not valid JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new TranscriptFormatException("the file must hold a JSON object with \"channel\" and \"messages\".");
            }

            var channel = RequiredString(root, "channel", "the transcript");
            var timeZone = OptionalString(root, "timeZone", "the transcript");
            if (timeZone is not null && !IncidentTimeZone.TryFind(timeZone, out _))
            {
                throw new TranscriptFormatException($"\"timeZone\" is '{timeZone}', which is not an IANA time zone id (e.g. Europe/Berlin).");
            }

            if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
            {
                throw new TranscriptFormatException("\"messages\" is missing or is not an array.");
            }

            var read = new List<TranscriptMessage>(messages.GetArrayLength());
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var message in messages.EnumerateArray())
            {
                read.Add(ReadMessage(message, index, seen));
                index++;
            }

            return new Transcript(channel, timeZone, read) { Alerts = ReadAlerts(root) };
        }
    }

    private static TranscriptMessage ReadMessage(JsonElement message, int index, HashSet<string> seen)
    {
        var where = $"message {index + 1}";
        if (message.ValueKind != JsonValueKind.Object)
        {
            throw new TranscriptFormatException($"{where} is not a JSON object.");
        }

        var id = RequiredString(message, "id", where);
        var at = ReadInstant(message, "at", where);
        var edit = OptionalBool(message, "edit", where);
        var delete = OptionalBool(message, "delete", where);
        if (edit && delete)
        {
            throw new TranscriptFormatException($"{where}, field \"edit\": a line is either an edit or a delete, not both.");
        }

        if ((edit || delete) && !seen.Contains(id))
        {
            throw new TranscriptFormatException($"{where}, field \"id\": '{id}' is {(edit ? "edited" : "deleted")} but no earlier message has that id.");
        }

        if (!edit && !delete && !seen.Add(id))
        {
            throw new TranscriptFormatException($"{where}, field \"id\": '{id}' is used by an earlier message; mark the line \"edit\": true to change that message.");
        }

        var user = delete ? OptionalString(message, "user", where) : RequiredString(message, "user", where);
        var text = delete ? OptionalString(message, "text", where) : RequiredString(message, "text", where, allowEmpty: true);
        return new TranscriptMessage(
            index, id, at, user, text, OptionalString(message, "thread", where), ReadReactions(message, where), edit, delete);
    }

    private static DateTimeOffset ReadInstant(JsonElement element, string field, string where)
    {
        var value = RequiredString(element, field, where);
        if (!ExplicitOffset().IsMatch(value)
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            throw new TranscriptFormatException(
                $"{where}, field \"{field}\": '{TextShortener.Shorten(value)}' is not an ISO 8601 time with an offset, like 2026-03-02T14:02:10Z or 2026-03-02T15:02:10+01:00.");
        }

        return at.ToUniversalTime();
    }

    private static List<TranscriptReaction> ReadReactions(JsonElement message, string where)
    {
        if (!message.TryGetProperty("reactions", out var reactions) || reactions.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (reactions.ValueKind != JsonValueKind.Array)
        {
            throw new TranscriptFormatException($"{where}, field \"reactions\": must be an array of {{ \"emoji\", \"user\" }}.");
        }

        var read = new List<TranscriptReaction>();
        var index = 0;
        foreach (var reaction in reactions.EnumerateArray())
        {
            var at = $"{where}, reaction {index + 1}";
            if (reaction.ValueKind != JsonValueKind.Object)
            {
                throw new TranscriptFormatException($"{at} is not a JSON object.");
            }

            read.Add(new TranscriptReaction(RequiredString(reaction, "emoji", at), RequiredString(reaction, "user", at)));
            index++;
        }

        return read;
    }

    private static string RequiredString(JsonElement element, string field, string where, bool allowEmpty = false)
    {
        if (!element.TryGetProperty(field, out var value))
        {
            throw new TranscriptFormatException($"{where}: field \"{field}\" is missing.");
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new TranscriptFormatException($"{where}, field \"{field}\": must be a string, not {Describe(value.ValueKind)}.");
        }

        var text = value.GetString()!;
        if (!allowEmpty && string.IsNullOrWhiteSpace(text))
        {
            throw new TranscriptFormatException($"{where}, field \"{field}\": must not be empty.");
        }

        return text;
    }

    private static string? OptionalString(JsonElement element, string field, string where) =>
        element.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null
            ? RequiredString(element, field, where)
            : null;

    private static bool OptionalBool(JsonElement element, string field, string where)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new TranscriptFormatException($"{where}, field \"{field}\": must be true or false, not {Describe(value.ValueKind)}."),
        };
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "a string",
    };

    // True when the text is valid JSON as far as it goes and only its end is missing: the file was cut short (a copy
    // interrupted, a disk full) rather than mistyped somewhere, and the parser's own "expected depth to be zero" or
    // "reached end of data" says neither. A reader told more may follow (isFinalBlock: false) stops at the end instead
    // of failing there, and still throws at a real mistake; where the parser's error position points is no guide (a
    // file cut after a comma is reported at the comma, not after it).
    private static bool IsCutShort(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json.TrimEnd());
        var reader = new Utf8JsonReader(bytes, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { MaxDepth = 16 }));
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return reader.CurrentDepth > 0 || reader.BytesConsumed < bytes.Length;
    }

    private static int LineCount(string json) => json.TrimEnd().Split('\n').Length;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }


    [GeneratedRegex(@"T.*(Z|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitOffset();
}
