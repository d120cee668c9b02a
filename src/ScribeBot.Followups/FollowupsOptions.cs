namespace ScribeBot.Followups;

/// <summary>
/// The <c>Followups</c> section: where a channel's postmortem tasks become issues. Without a GitHub token and
/// repository nothing is configured and <c>/incident followups</c> says so.
/// </summary>
public sealed class FollowupsOptions
{
    public const string SectionName = "Followups";

    /// <summary>Queue the follow-ups of an incident when it is resolved, as <c>/incident followups</c> would.</summary>
    public bool OnResolve { get; set; }

    /// <summary>
    /// The tracker of channels without an override: <c>github</c>, <c>jira</c> or <c>linear</c>. Unset: GitHub when its
    /// token is set, else Jira when its site, email and token are, else Linear when its API key is.
    /// </summary>
    public string? Tracker { get; set; }

    public GitHubOptions GitHub { get; set; } = new();

    public JiraOptions Jira { get; set; } = new();

    public LinearOptions Linear { get; set; } = new();

    /// <summary>Per-channel overrides, each naming its channel by key (<c>slack:T123:C456</c>).</summary>
    public List<ChannelFollowupsOptions> Channels { get; set; } = [];

    /// <summary>Task owners (the name a task shows) mapped to their tracker accounts; an owner not listed is not assigned.</summary>
    public List<FollowupPersonOptions> People { get; set; } = [];
}

/// <summary><c>Followups:GitHub</c>: GitHub Issues (github.com, or GitHub Enterprise Server by its API address).</summary>
public sealed class GitHubOptions
{
    public const string DefaultBaseUrl = "https://api.github.com/";

    /// <summary>A fine-grained token with "Issues: read and write" on the repositories (a secret: environment, never a file).</summary>
    public string? Token { get; set; }

    /// <summary>The default repository, <c>owner/name</c>.</summary>
    public string? Repository { get; set; }

    /// <summary>The REST API root; for GitHub Enterprise Server <c>https://HOST/api/v3/</c>.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>Labels added beside <c>postmortem</c> and the incident's id.</summary>
    public List<string> Labels { get; set; } = [];
}

/// <summary>One channel's override: its follow-ups go to another repository (and may carry other labels).</summary>
public sealed class ChannelFollowupsOptions
{
    /// <summary>The channel's key, <c>{platform}:{workspace}:{channel}</c>, as the dashboard shows it.</summary>
    public string? Channel { get; set; }

    /// <summary>This channel's tracker (<c>github</c>, <c>jira</c>, <c>linear</c>); unset, the default's.</summary>
    public string? Tracker { get; set; }

    public ChannelGitHubOptions GitHub { get; set; } = new();

    public ChannelJiraOptions Jira { get; set; } = new();

    public ChannelLinearOptions Linear { get; set; } = new();
}

/// <summary>What a channel may override of <see cref="LinearOptions"/> (the key and endpoint stay shared).</summary>
public sealed class ChannelLinearOptions
{
    public string? TeamId { get; set; }

    /// <summary>Label ids; replaces the default labels when set.</summary>
    public List<string>? Labels { get; set; }
}

/// <summary>What a channel may override of <see cref="JiraOptions"/> (the site and credentials stay shared).</summary>
public sealed class ChannelJiraOptions
{
    public string? Project { get; set; }

    /// <summary>Replaces the default labels when set.</summary>
    public List<string>? Labels { get; set; }
}

/// <summary>What a channel may override of <see cref="GitHubOptions"/> (the token and API address stay shared).</summary>
public sealed class ChannelGitHubOptions
{
    public string? Repository { get; set; }

    /// <summary>Replaces the default labels when set.</summary>
    public List<string>? Labels { get; set; }
}

/// <summary>One person: the owner name tasks show, and their account in each tracker.</summary>
public sealed class FollowupPersonOptions
{
    /// <summary>The owner as a task shows it (a display name: tasks store names, not chat ids).</summary>
    public string? Name { get; set; }

    /// <summary>GitHub login.</summary>
    public string? GitHub { get; set; }

    /// <summary>Jira Cloud account id (Jira assigns by account id, not by name or email).</summary>
    public string? Jira { get; set; }

    /// <summary>Linear user id (a UUID; Linear assigns by id).</summary>
    public string? Linear { get; set; }
}
