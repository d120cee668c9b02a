using Microsoft.Extensions.Options;

namespace ScribeBot.Followups;

/// <summary>Fails the start on a setting that could only fail later, in the middle of an incident's follow-ups.</summary>
internal sealed class FollowupsOptionsValidator : IValidateOptions<FollowupsOptions>
{
    public ValidateOptionsResult Validate(string? name, FollowupsOptions options)
    {
        var errors = new List<string>();
        var github = options.GitHub;
        if (!Uri.TryCreate(github.BaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"Followups:GitHub:BaseUrl must be an absolute http(s) address (for GitHub Enterprise Server: https://HOST/api/v3/); got '{github.BaseUrl}'.");
        }

        if (!string.IsNullOrEmpty(github.Repository) && !RepositoryName.TryParse(github.Repository, out _))
        {
            errors.Add($"Followups:GitHub:Repository must be owner/name; got '{github.Repository}'.");
        }

        if (!string.IsNullOrEmpty(github.Token) && string.IsNullOrEmpty(github.Repository) && options.Channels.All(c => string.IsNullOrEmpty(c.GitHub.Repository)))
        {
            errors.Add("Followups:GitHub:Token is set but no repository is: set Followups:GitHub:Repository (owner/name) or a channel's Followups:Channels:N:GitHub:Repository.");
        }

        if (options.Tracker is { } tracker && !FollowupTrackers.Known(tracker))
        {
            errors.Add($"Followups:Tracker must be github, jira or linear; got '{tracker}'.");
        }

        var jira = options.Jira;
        if (!string.IsNullOrEmpty(jira.BaseUrl) && (!Uri.TryCreate(jira.BaseUrl, UriKind.Absolute, out var site) || (site.Scheme != Uri.UriSchemeHttps && site.Scheme != Uri.UriSchemeHttp)))
        {
            errors.Add($"Followups:Jira:BaseUrl must be the site's absolute address (https://your-domain.atlassian.net/); got '{jira.BaseUrl}'.");
        }

        if (jira.IsConfigured && string.IsNullOrWhiteSpace(jira.Project) && options.Channels.All(c => string.IsNullOrWhiteSpace(c.Jira.Project)))
        {
            errors.Add("Followups:Jira is configured but no project is: set Followups:Jira:Project (its key, e.g. OPS) or a channel's Followups:Channels:N:Jira:Project.");
        }

        if (string.IsNullOrWhiteSpace(jira.IssueType))
        {
            errors.Add("Followups:Jira:IssueType must name an issue type (default Task).");
        }

        var linear = options.Linear;
        if (!Uri.TryCreate(linear.BaseUrl, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"Followups:Linear:BaseUrl must be the absolute address of the GraphQL endpoint ({LinearOptions.DefaultBaseUrl}); got '{linear.BaseUrl}'.");
        }

        if (!string.IsNullOrEmpty(linear.ApiKey) && string.IsNullOrWhiteSpace(linear.TeamId) && options.Channels.All(c => string.IsNullOrWhiteSpace(c.Linear.TeamId)))
        {
            errors.Add("Followups:Linear:ApiKey is set but no team is: set Followups:Linear:TeamId (the team's id) or a channel's Followups:Channels:N:Linear:TeamId.");
        }

        for (var i = 0; i < options.Channels.Count; i++)
        {
            var channel = options.Channels[i];
            if (channel.Tracker is { } own && !FollowupTrackers.Known(own))
            {
                errors.Add($"Followups:Channels:{i}:Tracker must be github, jira or linear; got '{own}'.");
            }

            if (string.IsNullOrWhiteSpace(channel.Channel) || channel.Channel.Split(':').Length < 3)
            {
                errors.Add($"Followups:Channels:{i}:Channel must be a channel key, platform:workspace:channel (e.g. slack:T123:C456).");
            }

            if (!string.IsNullOrEmpty(channel.GitHub.Repository) && !RepositoryName.TryParse(channel.GitHub.Repository, out _))
            {
                errors.Add($"Followups:Channels:{i}:GitHub:Repository must be owner/name; got '{channel.GitHub.Repository}'.");
            }
        }

        for (var i = 0; i < options.People.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.People[i].Name))
            {
                errors.Add($"Followups:People:{i}:Name is required: the owner's name as tasks show it.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
