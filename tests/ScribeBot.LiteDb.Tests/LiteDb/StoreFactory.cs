namespace ScribeBot.LiteDb.Tests.LiteDb;

internal static class StoreFactory
{
    public static LiteDbIncidentStore Open(string path, bool flushToDisk = true) =>
        Open(new LiteDbOptions { Path = path, FlushToDisk = flushToDisk });

    public static LiteDbIncidentStore Open(LiteDbOptions options) =>
        new(Options.Create(options), TimeProvider.System, NullLogger<LiteDbIncidentStore>.Instance);

    /// <summary>A store whose memory holds only <paramref name="openIncidentsHeld"/> open incidents.</summary>
    public static LiteDbIncidentStore OpenHolding(string path, int openIncidentsHeld) =>
        new(Options.Create(new LiteDbOptions { Path = path, FlushToDisk = false }), TimeProvider.System, NullLogger<LiteDbIncidentStore>.Instance,
            LiteDbIncidentStore.OpenDatabase, openIncidentsHeld);
}
