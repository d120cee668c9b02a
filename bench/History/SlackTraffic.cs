using System.Globalization;
using System.Net;
using ScribeBot.Bench.Shared;

namespace ScribeBot.Bench.History;

/// <summary>
/// Signed requests to the host's <c>POST /slack/events</c> in real time: commands, messages and reactions in any
/// seeded channel. Event ids, trigger ids and message timestamps carry this run's id and a counter, so nothing is a
/// redelivery of an earlier run's request on the same data.
/// </summary>
internal sealed class SlackTraffic(SlackRequestSigner signer, string runId, TimeProvider time)
{
    public const string Path = "/slack/events";

    private long _sequence;

    public string RunId => runId;

    /// <summary>A message ts of now, unique in this run (the counter is the microseconds).</summary>
    public string NextTs() =>
        $"{time.GetUtcNow().ToUnixTimeSeconds()}.{Interlocked.Increment(ref _sequence) % 1_000_000:D6}";

    public byte[] Command(IPEndPoint host, SeedChannel channel, string user, string text, string triggerId) =>
        signer.Request(Path, HostHeader(host), SlackPayloads.ContentTypeForm, SlackPayloads.SlashCommand(channel.TeamId, channel.ChannelId, user, text, triggerId));

    public byte[] Message(IPEndPoint host, SeedChannel channel, string user, string text, string ts) =>
        signer.Request(Path, HostHeader(host), SlackPayloads.ContentTypeJson,
            SlackPayloads.Message(channel.TeamId, channel.ChannelId, user, text, ts, NextEventId(), EventTime()));

    public byte[] Reaction(IPEndPoint host, SeedChannel channel, string user, string reaction, string messageTs) =>
        signer.Request(Path, HostHeader(host), SlackPayloads.ContentTypeJson,
            SlackPayloads.ReactionAdded(channel.TeamId, channel.ChannelId, user, reaction, messageTs, NextTs(), NextEventId(), EventTime()));

    public static string HostHeader(IPEndPoint host) => $"{host.Address}:{host.Port}";

    private string NextEventId() => $"Ev{runId}{Interlocked.Increment(ref _sequence).ToString("D10", CultureInfo.InvariantCulture)}";

    private long EventTime() => time.GetUtcNow().ToUnixTimeSeconds();
}
