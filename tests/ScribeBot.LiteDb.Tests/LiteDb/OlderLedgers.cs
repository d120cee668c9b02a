namespace ScribeBot.LiteDb.Tests.LiteDb;

/// <summary>Turns a current file's ledger back into what an earlier schema wrote, for the upgrade tests.</summary>
internal static class OlderLedgers
{
    /// <summary>What versions 2 and 3 wrote: 40-byte entries (the phases, bytes 40-59, did not exist).</summary>
    public const int Version3EntrySize = 40;

    /// <summary>Cuts every ledger page's entries to their first 40 bytes and marks the file as version 3.</summary>
    public static void WriteBackAsVersion3(LiteDatabase database)
    {
        var pages = database.GetCollection(IncidentLedger.Collection);
        foreach (var page in pages.FindAll().ToArray())
        {
            var bytes = page["entries"].AsBinary;
            var shorter = new byte[IncidentLedger.EntriesPerPage * Version3EntrySize];
            for (var slot = 0; slot < IncidentLedger.EntriesPerPage; slot++)
            {
                bytes.AsSpan(slot * LedgerEntry.Size, Version3EntrySize).CopyTo(shorter.AsSpan(slot * Version3EntrySize));
            }

            page["entries"] = shorter;
            pages.Update(page);
        }

        database.GetCollection(StoreSchema.CounterCollection).Upsert(new BsonDocument { ["_id"] = "$schema", ["version"] = 3 });
    }
}
