namespace ScribeBot.Testing.Storage;

/// <summary>The adapter state half of the contract (<see cref="IAdapterStateStore"/>), on the same store instance.</summary>
public abstract partial class IncidentStoreContract
{
    private IAdapterStateStore State => (IAdapterStateStore)Store;

    [Fact]
    public async Task A_key_never_set_has_no_state()
    {
        Assert.Null(await State.GetStateAsync("teams/conversation/19:abc", None));
        Assert.Null(await State.GetStateAsync("", None));
    }

    [Fact]
    public async Task A_set_value_is_returned_even_after_the_key_was_read_as_missing()
    {
        const string key = "teams/conversation/19:abc";
        Assert.Null(await State.GetStateAsync(key, None));

        await State.SetStateAsync(key, """{"serviceUrl":"https://smba.example/emea/"}""", None);

        Assert.Equal("""{"serviceUrl":"https://smba.example/emea/"}""", await State.GetStateAsync(key, None));
        Assert.Null(await State.GetStateAsync(key + "/other", None));
    }

    [Fact]
    public async Task A_second_set_replaces_the_value()
    {
        await State.SetStateAsync("teams/parts/r1", "0", None);
        await State.SetStateAsync("teams/parts/r1", "0,1", None);

        Assert.Equal("0,1", await State.GetStateAsync("teams/parts/r1", None));

        await State.SetStateAsync("teams/parts/r1", "", None);
        Assert.Equal("", await State.GetStateAsync("teams/parts/r1", None));
    }

    [Fact]
    public async Task Keys_that_differ_only_in_case_are_distinct()
    {
        await State.SetStateAsync("conv/Ab", "upper A", None);
        await State.SetStateAsync("conv/aB", "upper B", None);

        Assert.Equal("upper A", await State.GetStateAsync("conv/Ab", None));
        Assert.Equal("upper B", await State.GetStateAsync("conv/aB", None));
        Assert.Null(await State.GetStateAsync("conv/ab", None));
        Assert.Null(await State.GetStateAsync("conv/AB", None));
    }

    [Fact]
    public async Task Long_keys_and_unicode_values_round_trip()
    {
        // Longer than any LiteDB key may be (1023 bytes): the store cannot use the key itself as the id.
        var key = "teams/conversation/" + new string('x', 2_000) + "/ü東京";
        var value = "conversation 😀 \"quoted\"\n" + new string('v', 10_000);

        await State.SetStateAsync(key, value, None);

        Assert.Equal(value, await State.GetStateAsync(key, None));
    }

    [Fact]
    public async Task Concurrent_sets_of_different_keys_are_all_stored()
    {
        var keys = Enumerable.Range(0, 200).Select(i => $"teams/conversation/{i}").ToArray();

        await Task.WhenAll(keys.Select(key => Task.Run(() => State.SetStateAsync(key, "value of " + key, None))));

        foreach (var key in keys)
        {
            Assert.Equal("value of " + key, await State.GetStateAsync(key, None));
        }
    }
}
