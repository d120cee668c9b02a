namespace ScribeBot.LiteDb.Tests.LiteDb;

/// <summary>
/// Adapter state in the file. A fresh store has an empty cache, so reads after a reopen come from the file: that is
/// where LiteDB's case-insensitive ids could merge keys, and where a hash collision would show.
/// </summary>
public sealed class AdapterStateStoreTests : DataFileTests
{
    [Fact]
    public async Task Adapter_state_survives_dispose_and_reopen_with_keys_that_differ_only_in_case()
    {
        await using (var store = OpenStore())
        {
            await store.SetStateAsync("conv/Ab", "first", None);
            await store.SetStateAsync("conv/aB", "second", None);
            await store.SetStateAsync("conv/aB", "second, replaced", None);
        }

        await using (var reopened = OpenStore())
        {
            Assert.Null(await reopened.GetStateAsync("conv/ab", None));
            Assert.Equal("first", await reopened.GetStateAsync("conv/Ab", None));
            Assert.Equal("second, replaced", await reopened.GetStateAsync("conv/aB", None));
            Assert.Null(await reopened.GetStateAsync("conv/AB", None));
            await reopened.SetStateAsync("conv/ab", "third", None);
        }

        await using (var again = OpenStore())
        {
            Assert.Equal("first", await again.GetStateAsync("conv/Ab", None));
            Assert.Equal("second, replaced", await again.GetStateAsync("conv/aB", None));
            Assert.Equal("third", await again.GetStateAsync("conv/ab", None));
        }
    }

    [Fact]
    public async Task Concurrently_set_adapter_state_is_all_in_the_file_after_reopen()
    {
        var keys = Enumerable.Range(0, 300).Select(i => $"teams/conversation/{i}").ToArray();
        await using (var store = OpenStore())
        {
            await Task.WhenAll(keys.Select(key => Task.Run(() => store.SetStateAsync(key, "value of " + key, None))));
        }

        await using var reopened = OpenStore();
        var values = await Task.WhenAll(keys.Select(key => reopened.GetStateAsync(key, None)));
        Assert.Equal(keys.Select(key => "value of " + key), values);
    }

    [Fact]
    public void The_id_is_the_lowercase_hex_sha256_of_the_utf8_key()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", AdapterStateMapping.IdOf("abc"));
        Assert.NotEqual(AdapterStateMapping.IdOf("Abc"), AdapterStateMapping.IdOf("abc"));
    }

    [Fact]
    public async Task A_record_holding_another_key_is_neither_returned_nor_overwritten()
    {
        await using (var store = OpenStore())
        {
            await store.SetStateAsync("conv/a", "value of a", None);
        }

        // Stand in a hash collision: the record under hash("conv/a") now says it belongs to "conv/b".
        using (var database = new LiteDatabase(new ConnectionString { Filename = StorePath, Connection = ConnectionType.Direct }))
        {
            var records = database.GetCollection(AdapterStateMapping.Collection);
            var record = records.FindById(AdapterStateMapping.IdOf("conv/a"));
            record[AdapterStateMapping.KeyField] = "conv/b";
            Assert.True(records.Update(record));
        }

        await using (var reopened = OpenStore())
        {
            Assert.Null(await reopened.GetStateAsync("conv/a", None));
            await Assert.ThrowsAsync<InvalidOperationException>(() => reopened.SetStateAsync("conv/a", "overwrite", None));
            // The refused write spoilt nothing for its neighbours.
            await reopened.SetStateAsync("conv/c", "value of c", None);
        }

        using (var database = new LiteDatabase(new ConnectionString { Filename = StorePath, Connection = ConnectionType.Direct }))
        {
            var record = database.GetCollection(AdapterStateMapping.Collection).FindById(AdapterStateMapping.IdOf("conv/a"));
            Assert.Equal("conv/b", record[AdapterStateMapping.KeyField].AsString);
            Assert.Equal("value of a", record[AdapterStateMapping.ValueField].AsString);
            Assert.Equal(2, database.GetCollection(AdapterStateMapping.Collection).Count());
        }
    }

    [Fact]
    public void The_cache_empties_when_full_rather_than_grow()
    {
        var cache = new AdapterStateCache(capacity: 2);
        cache.Set("a", "1");
        cache.Set("b", null);
        cache.Set("a", "2");
        Assert.Equal(2, cache.Count);

        cache.Set("c", "3");

        Assert.Equal(1, cache.Count);
        Assert.False(cache.TryGet("a", out _));
        Assert.True(cache.TryGet("c", out var value));
        Assert.Equal("3", value);
    }
}
