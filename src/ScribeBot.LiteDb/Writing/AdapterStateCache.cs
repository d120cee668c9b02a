using System.Collections.Concurrent;

namespace ScribeBot.LiteDb.Writing;

/// <summary>
/// Adapter state by key (ordinal), so the per-message read of a Teams conversation reference does not queue behind
/// the writer. Only the writer thread changes it: after a commit, with what that commit wrote, or between
/// transactions, with what it has just read from the file. Reads and writes of one key are therefore ordered, and
/// a read that raced a write cannot put back the value the write replaced. A cached null means "not stored".
/// Any rollback empties it (a failed commit may or may not have reached the file), and so does reaching
/// <c>capacity</c> keys: a miss costs one read on the writer thread, nothing else.
/// </summary>
internal sealed class AdapterStateCache(int capacity)
{
    private readonly ConcurrentDictionary<string, string?> _byKey = new(StringComparer.Ordinal);

    public int Count => _byKey.Count;

    public bool TryGet(string key, out string? value) => _byKey.TryGetValue(key, out value);

    /// <summary>Records what the file holds for <paramref name="key"/>: a value, or null for none.</summary>
    public void Set(string key, string? value)
    {
        if (!_byKey.ContainsKey(key) && _byKey.Count >= capacity)
        {
            _byKey.Clear();
        }

        _byKey[key] = value;
    }

    /// <summary>Called after the commit that wrote <paramref name="changes"/> (null: the record was removed).</summary>
    public void Apply(IReadOnlyDictionary<string, string?> changes)
    {
        foreach (var (key, value) in changes)
        {
            Set(key, value);
        }
    }

    public void Clear() => _byKey.Clear();
}
