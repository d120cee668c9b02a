using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Followups;
using ScribeBot.Followups.GitHub;
using ScribeBot.Followups.Jira;
using ScribeBot.Followups.Linear;

namespace ScribeBot.Followups;

/// <summary>
/// The tracker of each channel: the channel's override when <c>Followups:Channels</c> names it, else the default
/// (<c>Followups:Tracker</c>, or whichever tracker has credentials, GitHub first). A channel has a tracker when that
/// tracker's credentials and a repository or project apply to it.
/// </summary>
internal sealed class FollowupTrackers(IOptions<FollowupsOptions> options, IHttpClientFactory clients, TimeProvider time) : IFollowupTrackers
{
    public const string GitHubClient = "followups-github";
    public const string JiraClient = "followups-jira";
    public const string LinearClient = "followups-linear";

    private readonly ConcurrentDictionary<string, IFollowupTracker?> _byChannel = new(StringComparer.Ordinal);

    public bool OnResolve => options.Value.OnResolve;

    public static bool Known(string tracker) => tracker.ToLowerInvariant() is "github" or "jira" or "linear";

    public IFollowupTracker? For(ChannelRef channel) => _byChannel.GetOrAdd(channel.Key, _ => Build(channel));

    private IFollowupTracker? Build(ChannelRef channel)
    {
        var settings = options.Value;
        var own = settings.Channels.FirstOrDefault(c => string.Equals(c.Channel, channel.Key, StringComparison.Ordinal));
        var tracker = (own?.Tracker ?? settings.Tracker)?.ToLowerInvariant()
            ?? (!string.IsNullOrEmpty(settings.GitHub.Token) ? "github" : settings.Jira.IsConfigured ? "jira" : !string.IsNullOrEmpty(settings.Linear.ApiKey) ? "linear" : null);
        return tracker switch
        {
            "github" => BuildGitHub(settings, own),
            "jira" => BuildJira(settings, own),
            "linear" => BuildLinear(settings, own),
            _ => null,
        };
    }

    // The HttpClient comes from the factory per tracker, so its handler (and the resilience pipeline) is shared and rotated.
    private GitHubTracker? BuildGitHub(FollowupsOptions settings, ChannelFollowupsOptions? own)
    {
        var github = settings.GitHub;
        var repositoryText = own?.GitHub.Repository is { Length: > 0 } repo ? repo : github.Repository;
        return string.IsNullOrEmpty(github.Token) || !RepositoryName.TryParse(repositoryText, out var repository)
            ? null
            : new GitHubTracker(clients.CreateClient(GitHubClient), github, repository, own?.GitHub.Labels ?? github.Labels, People(settings, p => p.GitHub), time);
    }

    private JiraTracker? BuildJira(FollowupsOptions settings, ChannelFollowupsOptions? own)
    {
        var jira = settings.Jira;
        var project = own?.Jira.Project is { Length: > 0 } key ? key : jira.Project;
        return !jira.IsConfigured || string.IsNullOrWhiteSpace(project)
            ? null
            : new JiraTracker(clients.CreateClient(JiraClient), jira, project.Trim(), own?.Jira.Labels ?? jira.Labels, People(settings, p => p.Jira), time);
    }

    private LinearTracker? BuildLinear(FollowupsOptions settings, ChannelFollowupsOptions? own)
    {
        var linear = settings.Linear;
        var team = own?.Linear.TeamId is { Length: > 0 } id ? id : linear.TeamId;
        return string.IsNullOrEmpty(linear.ApiKey) || string.IsNullOrWhiteSpace(team)
            ? null
            : new LinearTracker(clients.CreateClient(LinearClient), linear, team.Trim(), own?.Linear.Labels ?? linear.Labels, People(settings, p => p.Linear), time);
    }

    private static Dictionary<string, string> People(FollowupsOptions settings, Func<FollowupPersonOptions, string?> account) =>
        settings.People
            .Where(p => !string.IsNullOrWhiteSpace(p.Name) && !string.IsNullOrWhiteSpace(account(p)))
            .GroupBy(p => p.Name!.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => account(g.First())!.Trim(), StringComparer.OrdinalIgnoreCase);
}
