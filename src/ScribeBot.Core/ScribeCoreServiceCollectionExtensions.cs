using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Chat;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Configuration;
using ScribeBot.Core.Followups;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Paging;
using ScribeBot.Core.Paging.Routing;
using ScribeBot.Core.Postmortem.Editing;
using ScribeBot.Core.Retention;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Tagging;

namespace ScribeBot.Core;

/// <summary>Registers the core's services. The host binds <see cref="ScribeOptions"/> and adds a store (as both <see cref="Storage.IIncidentStore"/> and <see cref="IOutboxStore"/>), the adapters' <see cref="IChannelPoster"/>s and their <see cref="IMentionSyntax"/>es.</summary>
public static class ScribeCoreServiceCollectionExtensions
{
    public static IServiceCollection AddScribeCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScribeOptions>, ScribeOptionsValidator>());
        services.TryAddSingleton(sp => new ReactionTable(sp.GetRequiredService<IOptions<ScribeOptions>>().Value.Reactions));
        services.TryAddSingleton<OutboxSignal>();
        // A store shared by several instances registers its own, in the database (whichever order they are added in).
        services.TryAddSingleton<IProcessedRequests, InMemoryProcessedRequests>();
        services.TryAddSingleton<OutboxDispatcher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>());
        // Needs an IRetentionStore, which the host's store registers; replay never asks for it.
        services.TryAddSingleton<OutboxRetention>();
        // One instance for every writer of incidents, so a command and a dashboard edit never overwrite each other.
        services.TryAddSingleton<ChannelLocks>();
        // Every platform syntax the host registered (IMentionSyntax), for commands and dashboard task owners alike.
        services.TryAddSingleton(sp => new MentionReader(sp.GetServices<IMentionSyntax>()));
        services.TryAddSingleton<CommandHandler>();
        // Pages from the on-call system: the host binds PageRoutingOptions (Alerts:Routes) and validates it on start.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PageRoutingOptions>, PageRoutingOptionsValidator>());
        services.TryAddSingleton<PageRouter>();
        services.TryAddSingleton<PendingPages>();
        services.TryAddSingleton<PageHomes>();
        services.TryAddSingleton<PageIntake>();
        services.TryAddSingleton<PostmortemEditor>();
        services.TryAddSingleton<FollowupRequests>();
        services.TryAddSingleton<TimelineCapture>();
        services.TryAddSingleton<JoinPointers>();
        return services;
    }
}
