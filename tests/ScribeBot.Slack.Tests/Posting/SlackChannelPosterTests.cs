using ScribeBot.Core.Commands;
using ScribeBot.Core.Outbox;
using ScribeBot.Slack.Posting;
using ScribeBot.Slack.Tests.WebApi;

namespace ScribeBot.Slack.Tests.Posting;

public sealed class SlackChannelPosterTests : IAsyncLifetime
{
    private static readonly ChannelRef Channel = new(ChatPlatform.Slack, "T0ACME", "C0123");
    private static readonly Person Alice = new("U01ALICE", "Alice Ng");
    private static readonly DateTimeOffset Declared = new(2026, 3, 2, 13, 0, 0, TimeSpan.Zero);

    private readonly InMemoryIncidentStore _store = new();
    private SlackApiHarness _h = null!;
    private SlackChannelPoster _poster = null!;

    public async Task InitializeAsync()
    {
        _h = await SlackApiHarness.StartAsync();
        _poster = new SlackChannelPoster(
            _h.Services.GetRequiredService<SlackWebApiClient>,
            new SlackBotAccount(_h.Services.GetRequiredService<SlackWebApiClient>, TimeProvider.System),
            _store, _store, [], hasBotToken: true, publicBaseUrl: null, NullLogger<SlackChannelPoster>.Instance);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task An_announcement_is_one_message_that_cannot_ping()
    {
        var text = new ChatTextBuilder().Strong("INC-7 declared: ").Plain("<!channel> checkout is down @here").Build();

        var result = await _poster.DeliverAsync(Item(new AnnouncementPost(Channel, text)), default);

        Assert.Equal(DeliveryResult.Delivered, result);
        var call = Assert.Single(_h.Slack.CallsTo("chat.postMessage"));
        var body = call.Json();
        Assert.Equal("C0123", body.GetProperty("channel").GetString());
        Assert.False(body.GetProperty("link_names").GetBoolean());
        var fallback = body.GetProperty("text").GetString()!;
        Assert.DoesNotContain("<!channel>", fallback, StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt;", fallback, StringComparison.Ordinal);
        Assert.DoesNotContain("@here", fallback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_post_is_an_ephemeral_message_to_its_recipient_and_one_who_left_is_not_retried()
    {
        var text = new ChatTextBuilder().Strong("INC-7 is open here: ").Plain("Checkout returns 502, SEV2, 40 minutes so far.").Build();

        var result = await _poster.DeliverAsync(Item(new PrivatePost(Channel, Alice, text)), default);

        Assert.Equal(DeliveryResult.Delivered, result);
        var body = Assert.Single(_h.Slack.CallsTo("chat.postEphemeral")).Json();
        Assert.Equal("C0123", body.GetProperty("channel").GetString());
        Assert.Equal("U01ALICE", body.GetProperty("user").GetString());
        Assert.Contains("Checkout returns 502, SEV2, 40 minutes so far.", body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(_h.Slack.CallsTo("chat.postMessage"));

        _h.Slack.Enqueue("chat.postEphemeral", FakeResponse.Json("""{"ok":false,"error":"user_not_in_channel"}"""));
        var left = await _poster.DeliverAsync(Item(new PrivatePost(Channel, Alice, text)) with { Id = "other" }, default);

        Assert.Equal("chat.postEphemeral: user_not_in_channel", Assert.IsType<PermanentResult>(left).Error);
    }

    [Fact]
    public async Task A_postmortem_is_a_message_with_the_rest_in_its_thread_and_the_markdown_uploaded_there()
    {
        await SaveIncidentAsync(messages: 400);
        _h.Slack.Enqueue("chat.postMessage", FakeResponse.Json("""{"ok":true,"channel":"C0123","ts":"1772456400.000100"}"""));

        var result = await _poster.DeliverAsync(Item(new PostmortemPost(Channel, IncidentId)), default);

        Assert.Equal(DeliveryResult.Delivered, result);
        var posts = _h.Slack.CallsTo("chat.postMessage");
        Assert.True(posts.Count > 1, "a 400-line timeline does not fit one Slack message");
        Assert.False(posts[0].Json().TryGetProperty("thread_ts", out _));
        Assert.All(posts.Skip(1), p => Assert.Equal("1772456400.000100", p.Json().GetProperty("thread_ts").GetString()));
        var complete = Assert.Single(_h.Slack.CallsTo("files.completeUploadExternal")).Json();
        Assert.Equal("1772456400.000100", complete.GetProperty("thread_ts").GetString());
        var upload = Assert.Single(_h.Slack.Calls, c => c.Path.StartsWith("/upload/", StringComparison.Ordinal));
        var markdown = Encoding.UTF8.GetString(upload.Body);
        Assert.StartsWith("# INC-7: Checkout returns 502", markdown, StringComparison.Ordinal);
        Assert.Contains("## Appendix: Transcript", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_part_carries_the_item_id_and_its_part_as_message_metadata()
    {
        await SaveIncidentAsync(messages: 400);
        var item = Item(new PostmortemPost(Channel, IncidentId));

        await _poster.DeliverAsync(item, default);

        var parts = _h.Slack.CallsTo("chat.postMessage").Select(c => c.Json().GetProperty("metadata")).ToList();
        Assert.All(parts, m => Assert.Equal(SlackPostMarker.EventType, m.GetProperty("event_type").GetString()));
        Assert.All(parts, m => Assert.Equal(item.Id, m.GetProperty("event_payload").GetProperty("outbox_id").GetString()));
        Assert.Equal(Enumerable.Range(0, parts.Count), parts.Select(m => m.GetProperty("event_payload").GetProperty("part").GetInt32()));
        Assert.Empty(_h.Slack.CallsTo("conversations.history"));
    }

    [Fact]
    public async Task A_retried_draft_posts_only_the_parts_that_did_not_reach_slack()
    {
        await SaveIncidentAsync(messages: 1500);
        var item = Item(new PostmortemPost(Channel, IncidentId)) with { Attempts = 1 };
        _h.Slack.Enqueue("conversations.history", Marked(item.Id, ("1772456400.000100", 0)));
        _h.Slack.Enqueue("conversations.replies", Marked(item.Id, ("1772456400.000100", 0)));

        var result = await _poster.DeliverAsync(item, default);

        Assert.Equal(DeliveryResult.Delivered, result);
        var posts = _h.Slack.CallsTo("chat.postMessage");
        Assert.NotEmpty(posts);
        Assert.All(posts, p => Assert.Equal("1772456400.000100", p.Json().GetProperty("thread_ts").GetString()));
        Assert.DoesNotContain(posts, p => p.Json().GetProperty("metadata").GetProperty("event_payload").GetProperty("part").GetInt32() < 1);
        Assert.Equal("1772456400.000100", Assert.Single(_h.Slack.CallsTo("files.completeUploadExternal")).Json().GetProperty("thread_ts").GetString());
        var history = Assert.Single(_h.Slack.CallsTo("conversations.history")).Query();
        Assert.Equal("true", history["include_all_metadata"]);
    }

    [Fact]
    public async Task A_retried_announcement_that_already_reached_slack_is_not_posted_again()
    {
        var item = Announcement(attempts: 2);
        _h.Slack.Enqueue("conversations.history", Marked(("another-item", "1772456399.000100", 0), (item.Id, "1772456400.000100", 0)));

        var result = await _poster.DeliverAsync(item, default);

        AssertDelivered(result, posts: 0);
    }

    [Fact]
    public async Task An_attempt_after_one_that_started_checks_the_channel_even_seconds_after_the_enqueue()
    {
        // The first attempt stored its rendering, reached Slack, and its process died before it heard back.
        var item = Announcement();
        await _store.SetStateAsync(SlackDeliveryRecord.KeyOf(item.Id),
            new SlackDeliveryRecord([AnnouncementBlocks.Render(ChatText.Of("INC-7 declared"))], null).ToJson(), default);
        _h.Slack.History.AddPost(BotPost(item.Id, 0), _h.Slack.History.NextTs());

        var result = await _poster.DeliverAsync(item, default);

        AssertDelivered(result, posts: 0);
        Assert.Single(_h.Slack.History.In("C0123"));
    }

    [Fact]
    public async Task A_first_attempt_stores_its_rendering_before_it_calls_slack()
    {
        var item = Announcement();
        _h.Slack.Enqueue("chat.postMessage", new FakeResponse(500, """{"ok":false,"error":"fatal_error"}"""));

        var result = await _poster.DeliverAsync(item, default);

        Assert.IsType<RetryResult>(result);
        var stored = SlackDeliveryRecord.FromJson(await _store.GetStateAsync(SlackDeliveryRecord.KeyOf(item.Id), default));
        Assert.Contains("INC-7 declared", Assert.Single(stored!.Parts).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_ignores_its_marker_on_a_message_from_another_app()
    {
        var item = Announcement(attempts: 1);
        var spoof = _h.Slack.History.AddPost(BotPost(item.Id, 0), _h.Slack.History.NextTs());
        spoof["bot_id"] = "BOTHERAPP";
        spoof["user"] = "UOTHERAPP";

        var result = await _poster.DeliverAsync(item, default);

        AssertDelivered(result, posts: 1);
    }

    [Fact]
    public async Task A_retry_finds_its_post_behind_more_than_a_page_of_newer_messages()
    {
        var item = Announcement(attempts: 1);
        _h.Slack.History.AddPost(BotPost(item.Id, 0), _h.Slack.History.NextTs());
        for (var i = 0; i < 450; i++)
        {
            _h.Slack.History.Add("C0123", new JsonObject { ["type"] = "message", ["user"] = Alice.Id, ["text"] = $"chatter {i}", ["ts"] = _h.Slack.History.NextTs() });
        }

        var result = await _poster.DeliverAsync(item, default);

        AssertDelivered(result, posts: 0);
        Assert.Equal(3, _h.Slack.CallsTo("conversations.history").Count);
    }

    [Fact]
    public async Task A_draft_resumed_after_a_partial_delivery_continues_its_first_rendering_though_the_incident_was_edited()
    {
        await SaveIncidentAsync(messages: 1500);
        var item = Item(new PostmortemPost(Channel, IncidentId));
        _h.Slack.Enqueue("chat.postMessage",
            FakeResponse.Json("""{"ok":true,"channel":"C0123","ts":"1772460000.000100"}"""),
            new FakeResponse(500, """{"ok":false,"error":"fatal_error"}"""));
        Assert.IsType<RetryResult>(await _poster.DeliverAsync(item, default));
        var incident = (await _store.GetIncidentAsync(IncidentId, default))!;
        await _store.SaveIncidentAsync(incident with { Title = "Edited title after the first part" }, [], [], default);

        var result = await _poster.DeliverAsync(item with { Attempts = 1 }, default);

        Assert.Equal(DeliveryResult.Delivered, result);
        // The parts; the Markdown file's share carries no marker.
        var thread = _h.Slack.History.In("C0123").Where(m => m["metadata"] is not null).ToList();
        Assert.True(thread.Count == 2, "a draft in the channel is the lead with the summary, then the rest in its thread");
        Assert.Equal(Enumerable.Range(0, thread.Count), thread.Select(m => m["metadata"]!["event_payload"]!["part"]!.GetValue<int>()));
        Assert.All(thread.Skip(1), m => Assert.Equal("1772460000.000100", m["thread_ts"]!.GetValue<string>()));
        Assert.DoesNotContain(thread, m => m.ToJsonString().Contains("Edited title", StringComparison.Ordinal));
        var markdown = Encoding.UTF8.GetString(Assert.Single(_h.Slack.CallsTo("upload")).Body);
        Assert.StartsWith("# INC-7: Checkout returns 502", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delivered_item_whose_outbox_record_was_lost_is_not_posted_again()
    {
        var item = Announcement();
        Assert.Equal(DeliveryResult.Delivered, await _poster.DeliverAsync(item, default));

        var again = await _poster.DeliverAsync(item, default);

        AssertDelivered(again, posts: 1);
    }

    [Fact]
    public async Task When_the_check_for_earlier_parts_is_rate_limited_nothing_is_posted_blind()
    {
        var item = Announcement(attempts: 1);
        _h.Slack.Enqueue("conversations.history", Enumerable.Repeat(FakeResponse.RateLimited("45"), SlackApiTransport.ReadAttempts).ToArray());

        var result = await _poster.DeliverAsync(item, default);

        Assert.IsType<RetryResult>(result);
        Assert.Empty(_h.Slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task A_rate_limited_check_for_earlier_parts_hands_retry_after_to_the_outbox_instead_of_waiting_in_memory()
    {
        // A wait inside the client would be forgotten by a restart; the outbox stores the Retry-After with the item.
        var item = Announcement(attempts: 1);
        _h.Slack.Enqueue("conversations.history", FakeResponse.RateLimited("3"));

        var (result, _) = await _h.RunAdvancingTimeAsync(() => _poster.DeliverAsync(item, default));

        Assert.Equal(TimeSpan.FromSeconds(3), Assert.IsType<RetryResult>(result).RetryAfter);
        Assert.Single(_h.Slack.CallsTo("conversations.history"));
        Assert.Empty(_h.Slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task When_the_check_for_earlier_parts_is_refused_the_post_goes_out_anyway()
    {
        var item = Announcement(attempts: 1);
        _h.Slack.Enqueue("conversations.history", FakeResponse.Error("missing_scope"));

        var result = await _poster.DeliverAsync(item, default);

        AssertDelivered(result, posts: 1);
    }

    [Fact]
    public async Task A_timeline_post_renders_the_timeline_so_far()
    {
        await SaveIncidentAsync(messages: 3);

        var result = await _poster.DeliverAsync(Item(new TimelinePost(Channel, IncidentId)), default);

        Assert.Equal(DeliveryResult.Delivered, result);
        var raw = Encoding.UTF8.GetString(Assert.Single(_h.Slack.CallsTo("chat.postMessage")).Body);
        Assert.Contains("timeline so far", raw, StringComparison.Ordinal);
        Assert.Contains("step 3 of the fix", raw, StringComparison.Ordinal);
        Assert.Empty(_h.Slack.CallsTo("files.completeUploadExternal"));
    }

    [Fact]
    public async Task Rate_limited_is_retried_after_slacks_retry_after()
    {
        var result = await AnnounceAnsweredAsync(FakeResponse.RateLimited("30"));

        Assert.Equal(TimeSpan.FromSeconds(30), Assert.IsType<RetryResult>(result).RetryAfter);
        Assert.Single(_h.Slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task Slack_unavailable_is_retried_with_back_off()
    {
        var result = await AnnounceAnsweredAsync(new FakeResponse(503, "<html>down</html>", ContentType: "text/html"));

        Assert.Null(Assert.IsType<RetryResult>(result).RetryAfter);
    }

    [Fact]
    public async Task A_deleted_channel_is_a_permanent_failure()
    {
        var result = await AnnounceAnsweredAsync(FakeResponse.Error("channel_not_found"));

        Assert.Contains("channel_not_found", Assert.IsType<PermanentResult>(result).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_in_channel_joins_the_channel_and_asks_for_an_immediate_retry()
    {
        var result = await AnnounceAnsweredAsync(FakeResponse.Error("not_in_channel"));

        Assert.Equal(TimeSpan.Zero, Assert.IsType<RetryResult>(result).RetryAfter);
        Assert.Equal("C0123", Assert.Single(_h.Slack.CallsTo("conversations.join")).Json().GetProperty("channel").GetString());
    }

    [Fact]
    public async Task A_revoked_token_keeps_the_post_for_a_retry()
    {
        var result = await AnnounceAnsweredAsync(FakeResponse.Error("invalid_auth"));

        Assert.Contains("invalid_auth", Assert.IsType<RetryResult>(result).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_for_an_incident_that_does_not_exist_is_permanent_and_posts_nothing()
    {
        var result = await _poster.DeliverAsync(Item(new PostmortemPost(Channel, "slack:T0ACME:999")), default);

        Assert.IsType<PermanentResult>(result);
        Assert.Empty(_h.Slack.Calls);
    }

    private static string IncidentId => Incident.MakeId(Channel, 7);

    /// <summary>The item counts as delivered, and Slack got <paramref name="posts"/> <c>chat.postMessage</c> calls in all.</summary>
    private void AssertDelivered(DeliveryResult result, int posts)
    {
        Assert.Equal(DeliveryResult.Delivered, result);
        Assert.Equal(posts, _h.Slack.CallsTo("chat.postMessage").Count);
    }

    /// <summary>Delivers an announcement that Slack answers with <paramref name="answer"/>.</summary>
    private Task<DeliveryResult> AnnounceAnsweredAsync(FakeResponse answer)
    {
        _h.Slack.Enqueue("chat.postMessage", answer);
        return _poster.DeliverAsync(Item(new AnnouncementPost(Channel, ChatText.Of("hi"))), default);
    }

    /// <summary>The announcement "INC-7 declared", enqueued just now; a retry when <paramref name="attempts"/> were made before.</summary>
    private OutboxItem Announcement(int? attempts = null)
    {
        var item = Item(new AnnouncementPost(Channel, ChatText.Of("INC-7 declared")));
        return attempts is { } made ? item with { Attempts = made } : item;
    }

    /// <summary>A post enqueued just now, on its first attempt.</summary>
    private OutboxItem Item(ChannelPost post) => Assert.Single(OutboxItem.For("req-1", [post], IncidentId, _h.Time.GetUtcNow()));

    private static FakeResponse Marked(string itemId, params (string Ts, int Part)[] messages) =>
        Marked(messages.Select(m => (itemId, m.Ts, m.Part)).ToArray());

    private static FakeResponse Marked(params (string ItemId, string Ts, int Part)[] messages) => FakeResponse.Json(new JsonObject
    {
        ["ok"] = true,
        ["messages"] = new JsonArray(messages.Select(m => (JsonNode)new JsonObject
        {
            ["type"] = "message",
            ["ts"] = m.Ts,
            ["text"] = "earlier post",
            ["bot_id"] = FakeSlackHistory.BotId,
            ["metadata"] = new SlackPostMarker(m.ItemId, m.Part).ToMetadata(),
        }).ToArray()),
    }.ToJsonString());

    /// <summary>A <c>chat.postMessage</c> body as the bot sends it for one part of an item.</summary>
    private static JsonObject BotPost(string itemId, int part) => new()
    {
        ["channel"] = "C0123",
        ["text"] = "INC-7 declared",
        ["metadata"] = new SlackPostMarker(itemId, part).ToMetadata(),
    };

    private async Task SaveIncidentAsync(int messages)
    {
        var incident = new Incident
        {
            Id = IncidentId,
            Number = 7,
            Channel = Channel,
            Title = "Checkout returns 502",
            Severity = Severity.Sev2,
            TimeZoneId = "Europe/Berlin",
            Declared = new Milestone(Declared, Alice),
            Status = IncidentStatus.Resolved,
            Resolved = new Milestone(Declared.AddHours(2), Alice),
        };
        var entries = Enumerable.Range(1, messages).Select(i => new TimelineEntry
        {
            IncidentId = IncidentId,
            MessageId = $"{Declared.ToUnixTimeSeconds() + i}.000100",
            At = Declared.AddSeconds(i * 10),
            Author = Alice,
            Text = $"step {i} of the fix",
            Permalink = $"https://acme.slack.com/archives/C0123/p{Declared.ToUnixTimeSeconds() + i}000100",
            Marks = [new TagMark(TimelineTag.Action, Alice.Id)],
        }).ToArray();
        await _store.SaveIncidentAsync(incident, entries, [], default);
    }
}
