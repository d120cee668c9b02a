namespace ScribeBot.Core.Followups;

/// <summary>
/// The text every follow-up issue carries in its body that names the incident and the task it was made for. After a
/// lost answer (the tracker created the issue but the reply never arrived) the next attempt looks for this marker
/// before creating anything, so no task ever gets two issues. It is an HTML comment: invisible where the tracker
/// renders Markdown, exact where the body is read back.
/// </summary>
public static class FollowupMarker
{
    private const string Prefix = "scribebot-followup:";

    /// <summary>The marker's own text: <c>scribebot-followup:{incident id}#{task number}</c>.</summary>
    public static string For(string incidentId, int taskNumber) => $"{Prefix}{incidentId}#{taskNumber}";

    /// <summary>The marker as it is written into a Markdown body.</summary>
    public static string Comment(string marker) => $"<!-- {marker} -->";

    /// <summary>Whether <paramref name="body"/> carries <paramref name="marker"/> as written by <see cref="Comment"/>.</summary>
    /// <remarks>The whole comment is matched, so task 1's marker is not found in task 12's issue.</remarks>
    public static bool IsIn(string? body, string marker) =>
        body is not null && body.Contains(Comment(marker), StringComparison.Ordinal);
}
