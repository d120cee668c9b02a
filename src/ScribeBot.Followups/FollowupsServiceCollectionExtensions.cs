using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using ScribeBot.Core.Followups;

namespace ScribeBot.Followups;

/// <summary>The tracker adapter's registrations: all the host sees of it.</summary>
public static class FollowupsServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <c>Followups</c>, registers the trackers (<see cref="IFollowupTrackers"/>) and the outbox's
    /// follow-up delivery. Nothing is required: without a token, <c>/incident followups</c> answers that follow-ups are
    /// not configured.
    /// </summary>
    public static IServiceCollection AddFollowups(this IServiceCollection services)
    {
        services.AddOptions<FollowupsOptions>().BindConfiguration(FollowupsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FollowupsOptions>, FollowupsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        foreach (var client in (string[])[FollowupTrackers.GitHubClient, FollowupTrackers.JiraClient, FollowupTrackers.LinearClient])
        {
            services.AddHttpClient(client)
                .AddStandardResilienceHandler(resilience =>
                {
                    // A create must never be retried blind: the tracker may have made the issue before the answer was
                    // lost. The outbox retries it instead, after looking for the marker. GETs are retried here
                    // (Jira's JQL search and every Linear GraphQL call are POSTs, so they are left to the outbox too).
                    resilience.Retry.DisableForUnsafeHttpMethods();
                });
        }
        services.TryAddSingleton<IFollowupTrackers, FollowupTrackers>();
        services.TryAddSingleton<FollowupDelivery>();
        // One cache of issue states for the whole host: status, the pages, the drafts and the stats read through it.
        services.TryAddSingleton<FollowupStates>();
        return services;
    }
}
