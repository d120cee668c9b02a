namespace ScribeBot.Core.Followups;

/// <summary>
/// One issue to create for one task, in tracker-neutral terms: the adapter maps it to its API (a Markdown body for
/// GitHub and Linear, ADF for Jira). <see cref="Assignee"/> is the person's id in the tracker, from the configured
/// person map; an owner the map does not know is named in the body and left unassigned, never guessed.
/// </summary>
public sealed record FollowupIssue
{
    public required string Title { get; init; }

    /// <summary>Markdown, ending with the <see cref="FollowupMarker"/> comment.</summary>
    public required string Body { get; init; }

    /// <summary><c>postmortem</c> and the incident's display id (<c>INC-12</c>), then any configured extras.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    public string? Assignee { get; init; }

    public required string Marker { get; init; }

    public required int TaskNumber { get; init; }
}
