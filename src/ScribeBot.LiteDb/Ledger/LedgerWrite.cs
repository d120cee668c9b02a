namespace ScribeBot.LiteDb.Ledger;

/// <summary>One entry written to the ledger in a transaction; <paramref name="Names"/> is set when a list of names grew.</summary>
internal sealed record LedgerWrite(long Slot, LedgerEntry Entry, LedgerNames? Names);
