using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Storage;

namespace ScribeBot.Postgres;

public static class PostgresServiceCollectionExtensions
{
    /// <summary>
    /// Registers the PostgreSQL store as the <see cref="IIncidentStore"/>, <see cref="IOutboxStore"/>,
    /// <see cref="IAdapterStateStore"/>, <see cref="IRetentionStore"/>, <see cref="IProcessedRequests"/> and <see cref="ISharedChannelLocks"/> singleton (one connection pool), its options
    /// (<c>Storage:Postgres</c>), the hosted service that waits for the database and migrates the schema at start and
    /// releases outbox leases at stop, and the data-protection key ring in the database (<see cref="PostgresXmlRepository"/>).
    /// </summary>
    public static IServiceCollection AddPostgresStore(this IServiceCollection services)
    {
        services.AddOptions<PostgresOptions>()
            .BindConfiguration(PostgresOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgresOptions>, PostgresOptionsValidator>());

        // The store times outages; a host registers its own clock first (tests give a fake one).
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PostgresIncidentStore>();
        services.AddSingleton<IIncidentStore>(sp => sp.GetRequiredService<PostgresIncidentStore>());
        // The same instance for every port: a command's change and its posts go into one transaction.
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<PostgresIncidentStore>());
        services.AddSingleton<IAdapterStateStore>(sp => sp.GetRequiredService<PostgresIncidentStore>());
        services.AddSingleton<IRetentionStore>(sp => sp.GetRequiredService<PostgresIncidentStore>());
        // Replaces the in-memory set the core registers: handled request ids must be seen by every instance.
        services.RemoveAll<IProcessedRequests>();
        services.AddSingleton<IProcessedRequests>(sp => sp.GetRequiredService<PostgresIncidentStore>());
        // Every read-change-save of a channel's incident is serialised across instances, not only within this one.
        services.AddSingleton<ISharedChannelLocks>(sp => sp.GetRequiredService<PostgresIncidentStore>());
        services.AddHostedService<PostgresStoreLifetime>();

        // The dashboard's cookies must be readable on every instance: one key ring, in the database, under one
        // application name (the default name is the install path, which may differ from one instance to the next).
        services.AddDataProtection().SetApplicationName(DataProtectionApplicationName);
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceProvider>((options, services) =>
                options.XmlRepository = new PostgresXmlRepository(services.GetRequiredService<PostgresIncidentStore>));
        return services;
    }

    /// <summary>The data-protection application name every instance on one database shares.</summary>
    public const string DataProtectionApplicationName = "ScribeBot";
}
