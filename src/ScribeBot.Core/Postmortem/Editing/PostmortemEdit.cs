using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;

namespace ScribeBot.Core.Postmortem.Editing;

/// <summary>
/// The postmortem facts a person fills in on the dashboard: what the bot could not know. A save through
/// <see cref="PostmortemEditor.SaveAsync"/> sets each field to the value here; an empty or blank text, or an empty list,
/// clears it. Texts are trimmed and their line endings normalised; task owners may be typed as <c>@name</c>.
/// </summary>
public sealed record PostmortemEdit
{
    public string? DetectionMethod { get; init; }
    public string? Impact { get; init; }

    /// <summary>Share of users affected, 0-100; null clears it.</summary>
    public decimal? UsersAffectedPercent { get; init; }

    public string? RootCause { get; init; }
    public string? Resolution { get; init; }

    /// <summary>Broad corrective and preventative measures, in order.</summary>
    public IReadOnlyList<string> Improvements { get; init; } = [];

    /// <summary>Specific tasks, each with an optional owner.</summary>
    public IReadOnlyList<IncidentTask> Tasks { get; init; } = [];

    /// <summary>
    /// A fingerprint of each field as the person saw it when they opened the editor (<see cref="From"/> sets it).
    /// With it a save is a merge: a field the person left as it was keeps whatever is stored now (a command may have
    /// changed it meanwhile), and a field changed both by the person and by someone else is refused as a conflict
    /// instead of silently overwritten. Null (or a value <see cref="From"/> did not write) means "replace every field
    /// with the values here".
    /// </summary>
    public string? Basis { get; init; }

    /// <summary>
    /// The incident's current values as an editor shows them (trimmed; list items on one line each), with the
    /// <see cref="Basis"/> that a later save merges against. Saving it unchanged changes nothing. Pass the
    /// <see cref="MentionReader"/> the <see cref="PostmortemEditor"/> uses (the host's), so owners read and the basis is
    /// computed as it will; without one a typed <c>@name</c> only, as an editor built without one reads.
    /// </summary>
    public static PostmortemEdit From(Incident incident, MentionReader? mentions = null)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var current = PostmortemFields.Normalize(incident, mentions ?? MentionReader.Typed);
        return current with { Basis = PostmortemFields.Fingerprint(current) };
    }
}
