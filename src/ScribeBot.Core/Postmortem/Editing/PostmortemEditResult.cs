using ScribeBot.Core.Incidents;

namespace ScribeBot.Core.Postmortem.Editing;

/// <summary>The outcome of a postmortem edit.</summary>
public sealed record PostmortemEditResult
{
    public required PostmortemEditStatus Status { get; init; }

    /// <summary>Messages per field name (<see cref="PostmortemFields"/>); empty unless <see cref="PostmortemEditStatus.Invalid"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>The fields a save changed, in <see cref="PostmortemFields.All"/> order.</summary>
    public IReadOnlyList<string> ChangedFields { get; init; } = [];

    /// <summary>The incident as stored after the call (unchanged unless <see cref="PostmortemEditStatus.Saved"/>); null when not found.</summary>
    public Incident? Incident { get; init; }

    /// <summary>
    /// When <see cref="PostmortemEditStatus.Invalid"/>: what the form should show again. The person's changes on top of
    /// the values stored now, with a <see cref="PostmortemEdit.Basis"/> of those values, so that saving it again applies
    /// exactly the person's changes (after a conflict: replacing the other change they were told about).
    /// </summary>
    public PostmortemEdit? Form { get; init; }

    public bool Succeeded => Status is PostmortemEditStatus.Saved or PostmortemEditStatus.Unchanged;
}
