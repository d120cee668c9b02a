namespace ScribeBot.Followups;

/// <summary><c>Followups:Jira</c>: Jira Cloud, REST v3, basic auth with an Atlassian account's email and API token.</summary>
public sealed class JiraOptions
{
    /// <summary>The site, <c>https://your-domain.atlassian.net/</c>.</summary>
    public string? BaseUrl { get; set; }

    public string? Email { get; set; }

    /// <summary>An API token of that account (a secret: environment, never a file).</summary>
    public string? ApiToken { get; set; }

    /// <summary>The default project's key, <c>OPS</c>.</summary>
    public string? Project { get; set; }

    /// <summary>The issue type created, by name.</summary>
    public string IssueType { get; set; } = "Task";

    /// <summary>Labels added beside <c>postmortem</c> and the incident's id.</summary>
    public List<string> Labels { get; set; } = [];

    internal bool IsConfigured => !string.IsNullOrEmpty(BaseUrl) && !string.IsNullOrEmpty(Email) && !string.IsNullOrEmpty(ApiToken);
}
