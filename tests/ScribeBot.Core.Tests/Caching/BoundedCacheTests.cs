using ScribeBot.Core.Caching;

namespace ScribeBot.Core.Tests.Caching;

public sealed class BoundedCacheTests
{
    [Fact]
    public void Never_holds_more_than_its_capacity_however_many_keys_are_added()
    {
        var cache = new BoundedCache<string, int>(100, StringComparer.Ordinal);

        for (var i = 0; i < 10_000; i++)
        {
            cache.Set($"key-{i}", i);
            Assert.InRange(cache.Count, 1, 100);
        }

        Assert.True(cache.TryGetValue("key-9999", out var last));
        Assert.Equal(9999, last);
    }

    [Fact]
    public void Stale_entries_go_before_live_ones()
    {
        var cache = new BoundedCache<string, bool>(100, StringComparer.Ordinal, isStale: stale => stale);
        for (var i = 0; i < 50; i++)
        {
            cache.Set($"live-{i}", false);
            cache.Set($"stale-{i}", true);
        }

        cache.Set("new", false);

        Assert.Equal(51, cache.Count);
        Assert.All(Enumerable.Range(0, 50), i => Assert.True(cache.TryGetValue($"live-{i}", out _)));
        Assert.DoesNotContain(cache.Keys, key => key.StartsWith("stale-", StringComparison.Ordinal));
    }

    [Fact]
    public void Replacing_the_value_of_a_held_key_makes_no_room()
    {
        var cache = new BoundedCache<string, int>(10, StringComparer.Ordinal);
        for (var i = 0; i < 10; i++)
        {
            cache.Set($"key-{i}", i);
        }

        cache.Set("key-3", 33);

        Assert.Equal(10, cache.Count);
        Assert.True(cache.TryGetValue("key-3", out var replaced));
        Assert.Equal(33, replaced);
    }
}
