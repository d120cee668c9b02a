using ScribeBot.Core.Channels;
using ScribeBot.Core.Tagging;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Web.Sandbox;

/// <summary>
/// The reactions the sandbox offers: every emoji the reaction table maps to a tag on the web platform (which uses the
/// Slack table, so <c>Scribe:Reactions:Slack:*</c> changes them), with a glyph for the names Slack users know.
/// </summary>
internal sealed class SandboxEmoji
{
    // Slack's names for the defaults and for emoji people commonly map in configuration.
    private static readonly Dictionary<string, string> Glyphs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rotating_light"] = "\U0001F6A8",
        ["hammer_and_wrench"] = "\U0001F6E0\uFE0F",
        ["x"] = "\u274C",
        ["arrow_double_up"] = "\u23EB",
        ["dart"] = "\U0001F3AF",
        ["white_check_mark"] = "\u2705",
        ["pushpin"] = "\U0001F4CC",
        ["eyes"] = "\U0001F440",
        ["fire"] = "\U0001F525",
        ["warning"] = "\u26A0\uFE0F",
        ["bulb"] = "\U0001F4A1",
        ["memo"] = "\U0001F4DD",
        ["mag"] = "\U0001F50D",
        ["bell"] = "\U0001F514",
        ["rocket"] = "\U0001F680",
        ["wrench"] = "\U0001F527",
        ["heavy_check_mark"] = "\u2714\uFE0F",
        ["thumbsup"] = "\U0001F44D",
        ["+1"] = "\U0001F44D",
        ["sos"] = "\U0001F198",
        ["round_pushpin"] = "\U0001F4CD",
        ["red_circle"] = "\U0001F534",
        ["no_entry"] = "\u26D4",
    };

    public SandboxEmoji(ReactionTable reactions)
    {
        Choices = Enum.GetValues<TimelineTag>()
            .SelectMany(tag => reactions.ReactionsFor(ChatPlatform.Web, tag).Select(name => new SandboxReaction(name, GlyphOf(name), tag.ToLabel().ToLowerInvariant())))
            .ToArray();
    }

    /// <summary>In tag order: detection, action, misleading, escalation, root cause, resolution, key event, note.</summary>
    public IReadOnlyList<SandboxReaction> Choices { get; }

    public bool IsChoice(string emoji) => Choices.Any(choice => string.Equals(choice.Name, emoji, StringComparison.Ordinal));

    /// <summary>The glyph, or <c>:name:</c> for an emoji this table does not know (a workspace's custom one).</summary>
    public static string GlyphOf(string name) => Glyphs.TryGetValue(name, out var glyph) ? glyph : $":{name}:";
}

/// <summary>One reaction choice: the emoji's name, its glyph and the tag it gives, as people read it ("root cause").</summary>
internal sealed record SandboxReaction(string Name, string Glyph, string Tag);
