using System.Globalization;

namespace ScribeBot.Slack.Tests.Events;

/// <summary>
/// The published Slack payloads, mutated from a fixed seed (cut, bytes overwritten, hostile fragments inserted), read
/// as an HTTP body of each content type and as a Socket Mode frame: the readers answer something - usually
/// "malformed" - and never throw, since an exception there is a 500 or a dropped socket.
/// </summary>
public sealed class SlackInboundReaderFuzzTests
{
    private const int MutationsPerFixture = 400;

    private static readonly ByteMutator Mutator = new(
    [
        "\\ud800"u8.ToArray(), "\\udfff\\ud800"u8.ToArray(), [0xFF], [0x80, 0xC0, 0xAF], [0xED, 0xA0, 0x80], "%ED%A0%80"u8.ToArray(),
        "{"u8.ToArray(), "["u8.ToArray(), "\""u8.ToArray(), "null"u8.ToArray(), "1e999"u8.ToArray(), "-0"u8.ToArray(), "&payload="u8.ToArray(),
        "%"u8.ToArray(), "+"u8.ToArray(), "\u202E\u200B"u8.ToArray(), [.. Enumerable.Repeat((byte)'[', 200)], [.. Enumerable.Repeat((byte)'x', 20_000)],
    ]);

    public static TheoryData<string> Payloads => [.. Directory.GetFiles(Fixtures.Slack.Directory)
        .Select(path => Path.GetFileName(path))
        .Where(name => name.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith(".form.txt", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void A_mutated_payload_is_read_without_throwing(string fixture)
    {
        var original = Fixtures.Slack.Bytes(fixture);
        var reader = new SlackInboundReader(botUserId: "U0BOT", botId: "B0BOT");
        var random = new Random(fixture.GetHashCode(StringComparison.Ordinal) ^ 20261124);
        var at = new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < MutationsPerFixture; i++)
        {
            var body = Mutator.Mutate(original, random);
            foreach (var contentType in new[] { "application/json", "application/x-www-form-urlencoded", "text/plain", null })
            {
                try
                {
                    Assert.NotNull(reader.ReadHttp(contentType, body, at, retry: null));
                    Assert.NotNull(reader.ReadSocketFrame(body, at));
                }
                catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
                {
                    Assert.Fail($"{fixture} mutation {i.ToString(CultureInfo.InvariantCulture)} as {contentType ?? "(none)"}: {exception}\n{Encoding.UTF8.GetString(body[..Math.Min(300, body.Length)])}");
                }
            }
        }
    }
}
