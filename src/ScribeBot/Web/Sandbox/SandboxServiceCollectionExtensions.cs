using Microsoft.Extensions.DependencyInjection.Extensions;
using ScribeBot.Core.Outbox;

namespace ScribeBot.Web.Sandbox;

/// <summary>The sandbox channel: its feed, the services the page posts and pages through, and the web platform's poster.</summary>
internal static class SandboxServiceCollectionExtensions
{
    public static IServiceCollection AddSandbox(this IServiceCollection services)
    {
        services.TryAddSingleton<SandboxFeed>();
        services.TryAddSingleton<SandboxMessageIds>();
        services.TryAddSingleton<SandboxEmoji>();
        services.TryAddSingleton<SandboxChannel>();
        services.TryAddSingleton<SandboxPager>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelPoster, WebChannelPoster>());
        return services;
    }
}
