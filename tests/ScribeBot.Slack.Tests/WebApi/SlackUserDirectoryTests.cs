namespace ScribeBot.Slack.Tests.WebApi;

public sealed class SlackUserDirectoryTests : IAsyncLifetime
{
    private SlackApiHarness _h = null!;
    private SlackUserDirectory _directory = null!;

    public async Task InitializeAsync()
    {
        _h = await SlackApiHarness.StartAsync();
        _directory = new SlackUserDirectory(() => _h.Client, _h.Time);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_name_is_looked_up_once_within_the_ttl_and_again_after_it()
    {
        Assert.Equal("spengler", await _directory.FindDisplayNameAsync("T1", "W012A3CDE", CancellationToken.None));
        _h.Time.Advance(SlackUserDirectory.Ttl - TimeSpan.FromSeconds(1));
        Assert.Equal("spengler", await _directory.FindDisplayNameAsync("T1", "W012A3CDE", CancellationToken.None));
        Assert.Single(_h.Slack.CallsTo("users.info"));

        _h.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("spengler", await _directory.FindDisplayNameAsync("T1", "W012A3CDE", CancellationToken.None));
        Assert.Equal(2, _h.Slack.CallsTo("users.info").Count);
    }

    [Fact]
    public async Task A_failed_lookup_returns_null_and_is_remembered_only_briefly()
    {
        _h.Slack.Enqueue("users.info", FakeResponse.Error("user_not_found"));

        Assert.Null(await _directory.FindDisplayNameAsync("T1", "W012A3CDE", CancellationToken.None));
        Assert.Null(await _directory.FindDisplayNameAsync("T1", "W012A3CDE", CancellationToken.None));
        Assert.True(_directory.RecentlyFailed("T1", "W012A3CDE"));
        Assert.Single(_h.Slack.CallsTo("users.info"));

        _h.Time.Advance(SlackUserDirectory.FailureTtl + TimeSpan.FromSeconds(1));
        Assert.False(_directory.RecentlyFailed("T1", "W012A3CDE"));
        Assert.Equal("spengler", await _directory.FindDisplayNameAsync("T1", "W012A3CDE", CancellationToken.None));
        Assert.Equal(2, _h.Slack.CallsTo("users.info").Count);
    }

    [Fact]
    public async Task A_cached_name_is_found_without_asking_slack_and_an_unknown_one_is_not_asked_for()
    {
        Assert.Null(_directory.FindCachedDisplayName("T1", "W012A3CDE"));
        Assert.Empty(_h.Slack.Calls);

        await _directory.FindDisplayNameAsync("T1", "W012A3CDE", CancellationToken.None);

        Assert.Equal("spengler", _directory.FindCachedDisplayName("T1", "W012A3CDE"));
        Assert.Single(_h.Slack.CallsTo("users.info"));
    }

    [Fact]
    public void The_cache_is_capped_however_many_ids_requests_name()
    {
        for (var i = 0; i < SlackUserDirectory.MaxEntries + 5_000; i++)
        {
            _directory.NoteUnanswered("T1", "U" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.InRange(_directory.Count, 1, SlackUserDirectory.MaxEntries);
        Assert.True(_directory.RecentlyFailed("T1", "U" + (SlackUserDirectory.MaxEntries + 4_999).ToString("D8", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Slack_down_returns_null_so_the_caller_shows_the_id()
    {
        _h.Slack.Enqueue("users.info", new FakeResponse(503, null), new FakeResponse(503, null), new FakeResponse(503, null));

        var (name, _) = await _h.RunAdvancingTimeAsync(
            () => _directory.FindDisplayNameAsync("T1", "W012A3CDE", CancellationToken.None).AsTask());

        Assert.Null(name);
    }

    [Fact]
    public async Task Users_are_cached_per_workspace_and_id()
    {
        _h.Slack.Enqueue("users.info", FakeResponse.Json("""{"ok":true,"user":{"id":"U2","name":"ray","profile":{"display_name":"Ray"}}}"""));

        Assert.Equal("Ray", await _directory.FindDisplayNameAsync("T1", "U2", CancellationToken.None));
        Assert.Equal("spengler", await _directory.FindDisplayNameAsync("T1", "W012A3CDE", CancellationToken.None));
        Assert.Equal("Ray", await _directory.FindDisplayNameAsync("T1", "U2", CancellationToken.None));
        Assert.Equal(2, _h.Slack.CallsTo("users.info").Count);
    }
}
