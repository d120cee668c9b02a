namespace ScribeBot.LiteDb.Tests.LiteDb;

/// <summary>Turns a current file's ledger back into what an earlier schema wrote, for the upgrade tests.</summary>
internal static class OlderLedgers
{
    /// <summary>What versions 2 and 3 wrote: 40-byte entries (the phases, bytes 40-59, did not exist).</summary>
    public const int Version3EntrySize = 40;

    /// <summary>What version 4 wrote: 60-byte entries (the outage, bytes 60-79, did not exist).</summary>
    public const int Version4EntrySize = 60;

    /// <summary>Cuts every ledger page's entries to their first 40 bytes and marks the file as version 3.</summary>
    public static void WriteBackAsVersion3(LiteDatabase database) => WriteBack(database, Version3EntrySize, version: 3);

    /// <summary>Cuts every ledger page's entries to their first 60 bytes and marks the file as version 4.</summary>
    public static void WriteBackAsVersion4(LiteDatabase database) => WriteBack(database, Version4EntrySize, version: 4);

    private static void WriteBack(LiteDatabase database, int entrySize, int version)
    {
        var pages = database.GetCollection(IncidentLedger.Collection);
        foreach (var page in pages.FindAll().ToArray())
        {
            var bytes = page["entries"].AsBinary;
            var shorter = new byte[IncidentLedger.EntriesPerPage * entrySize];
            for (var slot = 0; slot < IncidentLedger.EntriesPerPage; slot++)
            {
                bytes.AsSpan(slot * LedgerEntry.Size, entrySize).CopyTo(shorter.AsSpan(slot * entrySize));
            }

            page["entries"] = shorter;
            pages.Update(page);
        }

        database.GetCollection(StoreSchema.CounterCollection).Upsert(new BsonDocument { ["_id"] = "$schema", ["version"] = version });
    }
}
