using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;

namespace ScribeBot.Core.Postmortem.Editing;

/// <summary>
/// The fields of a <see cref="PostmortemEdit"/>: their names (the keys of <see cref="PostmortemEditResult.Errors"/>
/// and of <see cref="PostmortemEditResult.ChangedFields"/>) and the labels people see.
/// </summary>
public static class PostmortemFields
{
    public const string DetectionMethod = nameof(PostmortemEdit.DetectionMethod);
    public const string Impact = nameof(PostmortemEdit.Impact);
    public const string UsersAffectedPercent = nameof(PostmortemEdit.UsersAffectedPercent);
    public const string RootCause = nameof(PostmortemEdit.RootCause);
    public const string Resolution = nameof(PostmortemEdit.Resolution);
    public const string Improvements = nameof(PostmortemEdit.Improvements);
    public const string Tasks = nameof(PostmortemEdit.Tasks);

    /// <summary>Every field, in the order of the form and of the history entries a save writes.</summary>
    public static IReadOnlyList<string> All { get; } =
        [DetectionMethod, Impact, UsersAffectedPercent, RootCause, Resolution, Improvements, Tasks];

    /// <summary>"Root cause", "Users affected"...: how a field is named in messages and history entries.</summary>
    public static string Label(string field) => field switch
    {
        DetectionMethod => "Detection method",
        Impact => "Impact",
        UsersAffectedPercent => "Users affected",
        RootCause => "Root cause",
        Resolution => "Resolution",
        Improvements => "Improvements",
        Tasks => "Tasks",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a postmortem field."),
    };

    /// <summary>
    /// Trimmed texts with <c>\n</c> line endings, blank texts as null, owners without mention syntax. List items are
    /// single lines (a form shows one per line or row): a multi-line item typed by command reads with spaces instead.
    /// </summary>
    internal static PostmortemEdit Normalize(PostmortemEdit edit, MentionReader mentions) => new()
    {
        DetectionMethod = Text(edit.DetectionMethod),
        Impact = Text(edit.Impact),
        UsersAffectedPercent = edit.UsersAffectedPercent,
        RootCause = Text(edit.RootCause),
        Resolution = Text(edit.Resolution),
        // Blank items are kept (as "") so validation can name them; the page drops blank lines itself.
        Improvements = edit.Improvements.Select(i => Line(i) ?? string.Empty).ToArray(),
        // The number travels with the row (it names the task's tracker issue); the link itself is the incident's.
        Tasks = edit.Tasks.Select(t => new IncidentTask(Line(t.Text) ?? string.Empty, Owner(t.Owner, mentions)) { Number = t.Number }).ToArray(),
        Basis = edit.Basis,
    };

    internal static PostmortemEdit Normalize(Incident incident, MentionReader mentions) => Normalize(new PostmortemEdit
    {
        DetectionMethod = incident.DetectionMethod,
        Impact = incident.Impact,
        UsersAffectedPercent = incident.UsersAffectedPercent,
        RootCause = incident.RootCause,
        Resolution = incident.Resolution,
        Improvements = incident.Improvements,
        Tasks = incident.Tasks,
    }, mentions);

    /// <summary>Whether two normalised edits agree on <paramref name="field"/>.</summary>
    internal static bool Same(PostmortemEdit a, PostmortemEdit b, string field) => field switch
    {
        UsersAffectedPercent => a.UsersAffectedPercent == b.UsersAffectedPercent,
        Improvements => a.Improvements.SequenceEqual(b.Improvements, StringComparer.Ordinal),
        Tasks => a.Tasks.Count == b.Tasks.Count && a.Tasks.Zip(b.Tasks).All(p => p.First.SameWork(p.Second)),
        _ => string.Equals(TextOf(a, field), TextOf(b, field), StringComparison.Ordinal),
    };

    /// <summary><paramref name="target"/> with <paramref name="field"/> taken from <paramref name="source"/>.</summary>
    internal static PostmortemEdit Take(PostmortemEdit target, PostmortemEdit source, string field) => field switch
    {
        DetectionMethod => target with { DetectionMethod = source.DetectionMethod },
        Impact => target with { Impact = source.Impact },
        UsersAffectedPercent => target with { UsersAffectedPercent = source.UsersAffectedPercent },
        RootCause => target with { RootCause = source.RootCause },
        Resolution => target with { Resolution = source.Resolution },
        Improvements => target with { Improvements = source.Improvements },
        Tasks => target with { Tasks = source.Tasks },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a postmortem field."),
    };

    /// <summary><paramref name="incident"/> with <paramref name="field"/> set from a normalised edit.</summary>
    internal static Incident Apply(Incident incident, PostmortemEdit source, string field) => field switch
    {
        DetectionMethod => incident with { DetectionMethod = source.DetectionMethod },
        Impact => incident with { Impact = source.Impact },
        UsersAffectedPercent => incident with { UsersAffectedPercent = source.UsersAffectedPercent },
        RootCause => incident with { RootCause = source.RootCause },
        Resolution => incident with { Resolution = source.Resolution },
        Improvements => incident with { Improvements = source.Improvements },
        Tasks => incident.ReplaceTasks(source.Tasks),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a postmortem field."),
    };

    /// <summary>Whether the field of a normalised edit is empty (a cleared text, no percentage, an empty list).</summary>
    internal static bool IsEmpty(PostmortemEdit edit, string field) => field switch
    {
        UsersAffectedPercent => edit.UsersAffectedPercent is null,
        Improvements => edit.Improvements.Count == 0,
        Tasks => edit.Tasks.Count == 0,
        _ => TextOf(edit, field) is null,
    };

    internal static string? TextOf(PostmortemEdit edit, string field) => field switch
    {
        DetectionMethod => edit.DetectionMethod,
        Impact => edit.Impact,
        RootCause => edit.RootCause,
        Resolution => edit.Resolution,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a text field."),
    };

    /// <summary>One short hash per field of a normalised edit, in <see cref="All"/> order: <c>1.{hash}.{hash}...</c>.</summary>
    internal static string Fingerprint(PostmortemEdit normalized) =>
        "1." + string.Join('.', All.Select(field => Hash(normalized, field)));

    /// <summary>The per-field hashes of a <see cref="PostmortemEdit.Basis"/>; null when absent or not one of ours.</summary>
    internal static IReadOnlyDictionary<string, string>? ParseBasis(string? basis)
    {
        var parts = basis?.Split('.');
        if (parts is null || parts.Length != All.Count + 1 || parts[0] != "1")
        {
            return null;
        }

        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < All.Count; i++)
        {
            hashes[All[i]] = parts[i + 1];
        }

        return hashes;
    }

    internal static string Hash(PostmortemEdit normalized, string field)
    {
        // Items are separated by control characters; two different lists hash alike only if someone types those
        // characters into an item, and then the worst outcome is that an edit is taken for "left as it was".
        var canonical = field switch
        {
            UsersAffectedPercent => normalized.UsersAffectedPercent is { } percent
                ? "=" + percent.ToString("0.############################", CultureInfo.InvariantCulture)
                : "\0",
            Improvements => string.Join('\u001f', normalized.Improvements.Select(i => "=" + i)),
            Tasks => string.Join('\u001f', normalized.Tasks.Select(t => "=" + t.Text + "\u001e" + (t.Owner ?? "\0"))),
            _ => TextOf(normalized, field) is { } text ? "=" + text : "\0",
        };
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(canonical));
        return Convert.ToHexStringLower(digest.AsSpan(0, 8));
    }

    private static string? Text(string? text) =>
        text?.ReplaceLineEndings("\n").Trim() is { Length: > 0 } trimmed ? trimmed : null;

    private static string? Line(string? text) => Text(text)?.ReplaceLineEndings(" ");

    // The same rule as the todo command: a mention (a typed @name or any platform's form) is stored as the bare name.
    private static string? Owner(string? owner, MentionReader mentions) =>
        Line(owner) is { } text && mentions.Parse(text).DisplayName.Trim() is { Length: > 0 } name ? name : null;
}
