using ScribeBot.Core.Text;

namespace ScribeBot.Core.Postmortem.Document;

/// <summary>
/// The three lines a chat draft opens with, before its sections: what broke, for how long, why. Each line starts with
/// its label in bold; the rest is literal text that renderers escape. A fact the bot does not have is said in a few
/// words with the command that records it, not with the sections' long placeholders.
/// </summary>
public sealed record PostmortemLead(ChatText WhatBroke, ChatText HowLong, ChatText Why)
{
    /// <summary>The lines in reading order.</summary>
    public IReadOnlyList<ChatText> Lines => [WhatBroke, HowLong, Why];
}
