using System.Diagnostics.CodeAnalysis;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Configuration;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Tagging;

/// <summary>Maps a platform's reaction name to a timeline tag: DESIGN.md defaults, overridden by configuration.</summary>
public sealed class ReactionTable
{
    public const string Disabled = "none";

    private static readonly IReadOnlyDictionary<string, TimelineTag> SlackDefaults = new Dictionary<string, TimelineTag>
    {
        ["rotating_light"] = TimelineTag.Detection,
        ["hammer_and_wrench"] = TimelineTag.Action,
        ["x"] = TimelineTag.Misleading,
        ["arrow_double_up"] = TimelineTag.Escalation,
        ["dart"] = TimelineTag.RootCause,
        ["white_check_mark"] = TimelineTag.Resolution,
        ["pushpin"] = TimelineTag.KeyEvent,
    };

    private static readonly IReadOnlyDictionary<string, TimelineTag> TeamsDefaults = new Dictionary<string, TimelineTag>
    {
        ["surprised"] = TimelineTag.Detection,
        ["angry"] = TimelineTag.Misleading,
        ["like"] = TimelineTag.KeyEvent,
        ["heart"] = TimelineTag.Resolution,
    };

    private readonly Dictionary<string, TimelineTag> _slack;
    private readonly Dictionary<string, TimelineTag> _teams;

    public ReactionTable(ReactionOptions options)
    {
        _slack = Merge(SlackDefaults, options.Slack, "Slack");
        _teams = Merge(TeamsDefaults, options.Teams, "Teams");
    }

    public static ReactionTable Default { get; } = new(new ReactionOptions());

    public bool TryGetTag(ChatPlatform platform, string reaction, [NotNullWhen(true)] out TimelineTag? tag)
    {
        var table = platform == ChatPlatform.Teams ? _teams : _slack;
        if (table.TryGetValue(Normalize(reaction), out var found))
        {
            tag = found;
            return true;
        }

        tag = null;
        return false;
    }

    /// <summary>The reaction names that give <paramref name="tag"/> on <paramref name="platform"/>, for help texts.</summary>
    public IEnumerable<string> ReactionsFor(ChatPlatform platform, TimelineTag tag) =>
        (platform == ChatPlatform.Teams ? _teams : _slack).Where(p => p.Value == tag).Select(p => p.Key).Order(StringComparer.Ordinal);

    // Slack sends skin-tone variants as "thumbsup::skin-tone-2" and people type ":dart:" in config.
    private static string Normalize(string reaction)
    {
        var name = reaction.Trim().Trim(':');
        var skinTone = name.IndexOf("::", StringComparison.Ordinal);
        return skinTone >= 0 ? name[..skinTone] : name;
    }

    private static Dictionary<string, TimelineTag> Merge(
        IReadOnlyDictionary<string, TimelineTag> defaults, Dictionary<string, string> overrides, string platform)
    {
        var table = new Dictionary<string, TimelineTag>(defaults, StringComparer.OrdinalIgnoreCase);
        foreach (var (reaction, tagName) in overrides)
        {
            var key = Normalize(reaction);
            if (string.Equals(tagName.Trim(), Disabled, StringComparison.OrdinalIgnoreCase))
            {
                table.Remove(key);
            }
            else if (TimelineTagNames.TryParse(tagName, out var tag))
            {
                table[key] = tag.Value;
            }
            else
            {
                throw new ArgumentException(
                    $"Scribe:Reactions:{platform}:{reaction} is '{tagName}', which is not a tag. " +
                    $"Use one of: {string.Join(", ", TimelineTagNames.All)}, or '{Disabled}'.",
                    nameof(overrides));
            }
        }

        return table;
    }
}
