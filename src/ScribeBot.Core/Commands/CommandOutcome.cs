using ScribeBot.Core.Incidents;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Commands;

/// <summary>
/// What a command did. <see cref="Reply"/> is for the caller only (ephemeral where the platform allows);
/// <see cref="Posts"/> go to the channel. A rejected command changed nothing.
/// </summary>
public sealed record CommandOutcome(bool Accepted, ChatText Reply, IReadOnlyList<ChannelPost> Posts, Incident? Incident)
{
    public static CommandOutcome Rejected(string reason) => new(false, ChatText.Of(reason), [], null);

    public static CommandOutcome Rejected(ChatText reason) => new(false, reason, [], null);

    public static CommandOutcome Done(Incident? incident, ChatText reply, params ChannelPost[] posts) =>
        new(true, reply, posts, incident);
}
