using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Followups;
using ScribeBot.Followups.GitHub;

namespace ScribeBot.Followups;

/// <summary>
/// The tracker of each channel: the channel's override when <c>Followups:Channels</c> names it, else the default. Only
/// GitHub is built so far; a channel has a tracker when a token and a repository apply to it.
/// </summary>
internal sealed class FollowupTrackers(IOptions<FollowupsOptions> options, IHttpClientFactory clients, TimeProvider time) : IFollowupTrackers
{
    public const string GitHubClient = "followups-github";

    private readonly ConcurrentDictionary<string, IFollowupTracker?> _byChannel = new(StringComparer.Ordinal);

    public bool OnResolve => options.Value.OnResolve;

    public IFollowupTracker? For(ChannelRef channel) => _byChannel.GetOrAdd(channel.Key, _ => Build(channel));

    private GitHubTracker? Build(ChannelRef channel)
    {
        var settings = options.Value;
        var github = settings.GitHub;
        var own = settings.Channels.FirstOrDefault(c => string.Equals(c.Channel, channel.Key, StringComparison.Ordinal))?.GitHub;
        var repositoryText = own?.Repository is { Length: > 0 } repo ? repo : github.Repository;
        if (string.IsNullOrEmpty(github.Token) || !RepositoryName.TryParse(repositoryText, out var repository))
        {
            return null;
        }

        var logins = settings.People
            .Where(p => !string.IsNullOrWhiteSpace(p.Name) && !string.IsNullOrWhiteSpace(p.GitHub))
            .GroupBy(p => p.Name!.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().GitHub!.Trim(), StringComparer.OrdinalIgnoreCase);

        // The HttpClient comes from the factory per call site, so its handler (and the resilience pipeline) is shared and rotated.
        return new GitHubTracker(clients.CreateClient(GitHubClient), github, repository, own?.Labels ?? github.Labels, logins, time);
    }
}
