namespace ScribeBot.Tests.Teams;

/// <summary>The Teams thread the end-to-end tests talk in: Alice starts an incident with the message <see cref="StartId"/>.</summary>
internal static class TeamsThread
{
    public const string StartId = "1772460000000";

    public static readonly (string Id, string Name) Alice = ("29:alice", "Alice Ng");
    public static readonly (string Id, string Name) Bo = ("29:bo", "Bo Chen");

    /// <summary>Alice's message to the bot in the thread, <paramref name="minute"/> minutes after the start.</summary>
    public static JsonObject Command(ScribeBotApplication host, string id, string text, int minute) =>
        TeamsPayloads.ChannelMessage(host.ServiceUrl, id, text, TeamsPayloads.Start.AddMinutes(minute), Alice, StartId, mentionBot: true);
}
