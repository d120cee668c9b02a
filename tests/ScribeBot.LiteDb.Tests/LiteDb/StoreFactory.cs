using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ScribeBot.LiteDb.Tests.LiteDb;

internal static class StoreFactory
{
    public static LiteDbIncidentStore Open(string path, bool flushToDisk = true) =>
        new(Options.Create(new LiteDbOptions { Path = path, FlushToDisk = flushToDisk }), NullLogger<LiteDbIncidentStore>.Instance);
}
