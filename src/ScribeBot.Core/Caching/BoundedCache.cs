using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace ScribeBot.Core.Caching;

/// <summary>
/// A thread-safe map for what is remembered only to save work (a lookup, a write), keyed by something a request
/// names, and therefore capped rather than trusted to stay small. Adding a key past the capacity first drops the
/// entries <c>isStale</c> calls stale, then arbitrary others, down to nine tenths of the capacity, so the sweep runs
/// once per tenth of the capacity added, not on every add. A dropped entry costs its owner the work it saved.
/// </summary>
/// <remarks>
/// Callers adding at the same moment may each pass the check before either makes room, so the count can exceed the
/// capacity by the number of concurrent callers: a bound on memory, not an exact size.
/// </remarks>
public sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries;
    private readonly int _capacity;
    private readonly Func<TValue, bool> _isStale;

    /// <param name="capacity">The most entries kept.</param>
    /// <param name="comparer">How keys compare; the default comparer when null.</param>
    /// <param name="isStale">Which entries go first when room is needed (expired ones); none when null.</param>
    public BoundedCache(int capacity, IEqualityComparer<TKey>? comparer = null, Func<TValue, bool>? isStale = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 10);
        _capacity = capacity;
        _entries = new ConcurrentDictionary<TKey, TValue>(comparer);
        _isStale = isStale ?? (static _ => false);
    }

    /// <summary>The entries held now.</summary>
    public int Count => _entries.Count;

    /// <summary>The keys held now, a moment's view.</summary>
    public IEnumerable<TKey> Keys => _entries.Keys;

    /// <summary>The value held for <paramref name="key"/>, stale or not.</summary>
    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) => _entries.TryGetValue(key, out value);

    /// <summary>Holds <paramref name="value"/> for <paramref name="key"/>, making room first when the key is new and the cache full.</summary>
    public void Set(TKey key, TValue value)
    {
        if (_entries.Count >= _capacity && !_entries.ContainsKey(key))
        {
            MakeRoom();
        }

        _entries[key] = value;
    }

    /// <summary>Forgets <paramref name="key"/>.</summary>
    public void Remove(TKey key) => _entries.TryRemove(key, out _);

    private void MakeRoom()
    {
        foreach (var (key, value) in _entries)
        {
            if (_isStale(value))
            {
                _entries.TryRemove(key, out _);
            }
        }

        var excess = _entries.Count - (_capacity - _capacity / 10);
        foreach (var key in _entries.Keys.Take(Math.Max(0, excess)))
        {
            _entries.TryRemove(key, out _);
        }
    }
}
