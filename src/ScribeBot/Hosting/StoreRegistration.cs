using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ScribeBot.LiteDb;
using ScribeBot.Postgres;

namespace ScribeBot.Hosting;

/// <summary>The store the host runs on, chosen by <c>Storage:Provider</c> (LiteDB unless it says Postgres).</summary>
internal static class StoreRegistration
{
    public static IServiceCollection AddStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());

        // Read now, before the container exists: the choice decides what is registered. An unknown value registers
        // LiteDB, and the validator above stops the start naming the key.
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        return storage.IsPostgres ? services.AddPostgresStore() : services.AddLiteDbStore();
    }
}
