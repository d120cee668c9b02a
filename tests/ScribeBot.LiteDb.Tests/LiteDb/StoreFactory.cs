using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ScribeBot.LiteDb.Tests.LiteDb;

internal static class StoreFactory
{
    public static LiteDbIncidentStore Open(string path, bool flushToDisk = true) =>
        Open(new LiteDbOptions { Path = path, FlushToDisk = flushToDisk });

    public static LiteDbIncidentStore Open(LiteDbOptions options) =>
        new(Options.Create(options), TimeProvider.System, NullLogger<LiteDbIncidentStore>.Instance);
}
