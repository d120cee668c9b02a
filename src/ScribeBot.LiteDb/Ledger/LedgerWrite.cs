namespace ScribeBot.LiteDb.Ledger;

/// <summary>One entry written to the ledger in a transaction; <paramref name="Workspaces"/> is set when the list grew.</summary>
internal sealed record LedgerWrite(long Slot, LedgerEntry Entry, IReadOnlyList<string>? Workspaces);
