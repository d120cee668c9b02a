using Microsoft.Extensions.Configuration;
using ScribeBot.LiteDb;

namespace ScribeBot.Testing.Storage;

/// <summary>
/// A data file opened the way the host opens it (<c>AddLiteDbStore</c> bound from <c>Storage:LiteDb</c>, the public
/// ports), for tests that seed or inspect a file outside the host.
/// </summary>
public static class LiteDbServices
{
    /// <param name="flushToDisk">Written to <c>Storage:LiteDb:FlushToDisk</c> when given; else the host's default.</param>
    public static ServiceProvider Open(string path, bool? flushToDisk = null)
    {
        var settings = new Dictionary<string, string?> { ["Storage:LiteDb:Path"] = path };
        if (flushToDisk is { } flush)
        {
            settings["Storage:LiteDb:FlushToDisk"] = flush ? "true" : "false";
        }

        return new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging()
            .AddLiteDbStore()
            .BuildServiceProvider();
    }
}
