using System.Globalization;
using System.Text.Json;

namespace ScribeBot.Teams.Tests;

/// <summary>
/// The published Teams activities, mutated from a fixed seed, through the endpoint's body check: it never throws, and
/// what it lets through to the Bot Framework is a JSON object whose every string is real text.
/// </summary>
public sealed class TeamsRequestBodyFuzzTests
{
    private const int MutationsPerFixture = 400;

    private static readonly ByteMutator Mutator = new(
    [
        "\\ud800"u8.ToArray(), "\\udfff\\ud800"u8.ToArray(), [0xFF], [0x80, 0xC0, 0xAF], [0xED, 0xA0, 0x80], "{"u8.ToArray(), "["u8.ToArray(),
        "\""u8.ToArray(), "null"u8.ToArray(), "1e999"u8.ToArray(), "\u202E\u200B"u8.ToArray(), [.. Enumerable.Repeat((byte)'[', 100)],
    ]);

    public static TheoryData<string> Activities => [.. Directory.GetFiles(Fixtures.Teams.Directory, "*.json")
        .Select(path => Path.GetFileName(path))
        .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Activities))]
    public void A_mutated_activity_is_checked_without_throwing_and_only_sound_JSON_passes(string fixture)
    {
        var original = Encoding.UTF8.GetBytes(Fixtures.Teams.Text(fixture));
        var random = new Random(fixture.Length * 7919);
        if (!fixture.Contains("SHORTENED", StringComparison.Ordinal) && fixture != "invoke_composeExtension_fetchTask_message_action_channel_thread.json")
        {
            // Microsoft publishes those two elided, without type or serviceUrl (the SDK itself fails on such an
            // activity); every whole activity must pass, whatever the case of its names (one says serviceURL).
            Assert.Null(TeamsRequestBody.Check(original));
        }

        for (var i = 0; i < MutationsPerFixture; i++)
        {
            var body = Mutator.Mutate(original, random);
            string? problem = null;
            var checkedOk = Record.Exception(() => problem = TeamsRequestBody.Check(body));
            Assert.True(checkedOk is null, $"{fixture} mutation {i.ToString(CultureInfo.InvariantCulture)}: {checkedOk}");
            if (problem is null)
            {
                using var document = JsonDocument.Parse(body);
                Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
                AllStringsReadable(document.RootElement);
            }
        }
    }

    private static void AllStringsReadable(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    AllStringsReadable(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AllStringsReadable(item);
                }

                break;
            case JsonValueKind.String:
                _ = element.GetString();
                break;
        }
    }
}
