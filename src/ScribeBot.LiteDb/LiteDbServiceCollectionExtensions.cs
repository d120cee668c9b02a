using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Storage;

namespace ScribeBot.LiteDb;

public static class LiteDbServiceCollectionExtensions
{
    /// <summary>
    /// Registers the LiteDB store as the <see cref="IIncidentStore"/>, <see cref="IOutboxStore"/>,
    /// <see cref="IAdapterStateStore"/> and <see cref="IRetentionStore"/> singleton, its options (<c>Storage:LiteDb</c>) and the
    /// hosted service that opens it at start, checkpoints it periodically and drains its writer on shutdown.
    /// </summary>
    public static IServiceCollection AddLiteDbStore(this IServiceCollection services)
    {
        services.AddOptions<LiteDbOptions>()
            .BindConfiguration(LiteDbOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LiteDbOptions>, LiteDbOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LiteDbIncidentStore>();
        services.AddSingleton<IIncidentStore>(sp => sp.GetRequiredService<LiteDbIncidentStore>());
        // The same instance: a command's change and its posts go into one commit of one file.
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<LiteDbIncidentStore>());
        // The same instance again: one LiteDatabase per file per process, and its writer keeps the state cache current.
        services.AddSingleton<IAdapterStateStore>(sp => sp.GetRequiredService<LiteDbIncidentStore>());
        // And again: retention removes a post with the records it owns in one commit.
        services.AddSingleton<IRetentionStore>(sp => sp.GetRequiredService<LiteDbIncidentStore>());
        services.AddHostedService<LiteDbMaintenanceService>();
        return services;
    }
}
