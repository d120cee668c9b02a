using ScribeBot.Bench.Shared;

namespace ScribeBot.Bench.Ingest;

/// <summary>
/// The ingest load's requests: Slack Events API <c>message</c> events numbered <c>n</c>, each with its own
/// <c>event_id</c> and message <c>ts</c> (so none is a retry the host may skip), in one channel of workspace
/// <c>T0BENCH</c>, signed as Slack signs them. Every target gets byte-identical requests but for the path.
/// </summary>
internal sealed class SignedSlackEvents(string signingSecret, string channel, long baseSeconds, TimeProvider time)
{
    private const string TeamId = "T0BENCH";

    private readonly SlackRequestSigner _signer = new(signingSecret, time);

    public static string MessageTs(long baseSeconds, long n) => $"{baseSeconds + (n / 1_000_000)}.{n % 1_000_000:D6}";

    /// <summary>The request for message number <paramref name="n"/>, to <paramref name="path"/> on <paramref name="hostHeader"/>.</summary>
    public byte[] Request(long n, string path, string hostHeader)
    {
        var ts = MessageTs(baseSeconds, n);
        var body = SlackPayloads.Message(
            TeamId, channel, $"U0BENCH{n % 20:D2}", $"{IncidentChatter.Lines[(int)(n % IncidentChatter.Lines.Count)]} (#{n})", ts, $"Ev0BENCH{n:D10}", baseSeconds + (n / 1_000_000));
        return _signer.Request(path, hostHeader, SlackPayloads.ContentTypeJson, body);
    }

    /// <summary>A signed <c>/incident</c> slash command, as Slack posts it (form-encoded).</summary>
    public byte[] SlashCommand(string text, string triggerId, string path, string hostHeader) =>
        _signer.Request(path, hostHeader, SlackPayloads.ContentTypeForm, SlackPayloads.SlashCommand(TeamId, channel, "U0BENCH00", text, triggerId));
}
