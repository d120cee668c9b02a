using ScribeBot.Core.Chat;
using ScribeBot.Core.Commands;

namespace ScribeBot.Teams.Inbound;

/// <summary>What a Teams <c>message</c> activity is to ScribeBot: a command, a chat line to record, or nothing.</summary>
internal abstract record TeamsMessageRead;

/// <summary>A command: the bot was @mentioned, the text began with <c>/incident</c>, or it came in a 1:1 chat.</summary>
internal sealed record TeamsCommandRead(TeamsConversation Conversation, CommandRequest Request) : TeamsMessageRead
{
    /// <summary>The first word of the command, lower-cased (<c>start</c>, <c>help</c>); empty for a bare mention.</summary>
    public string Verb => Request.Text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.ToLowerInvariant() ?? string.Empty;
}

/// <summary>A channel message to record when the channel has an open incident.</summary>
internal sealed record TeamsChatRead(TeamsConversation Conversation, ChatMessage Message) : TeamsMessageRead;

/// <summary>Not for ScribeBot (no conversation, no id, an empty message); <see cref="Reason"/> is logged.</summary>
internal sealed record TeamsIgnoredRead(string Reason) : TeamsMessageRead;
