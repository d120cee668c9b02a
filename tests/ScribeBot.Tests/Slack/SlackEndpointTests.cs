namespace ScribeBot.Tests.Slack;

/// <summary><c>POST /slack/events</c> over real HTTP, with Slack's documented payload shapes and a fake Slack Web API.</summary>
public sealed partial class SlackEndpointTests
{
    // The display name the fake's users.info answers (the docs fixture).
    private const string FixtureName = "spengler";

    [Fact]
    public async Task Url_verification_is_answered_with_the_challenge()
    {
        await using var host = await new ScribeBotApplication().WithSlack().StartKestrelAsync();

        using var response = await host.PostSlackAsync(Fixtures.Slack.Bytes("url_verification.json"), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", json.RootElement.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task Unsigned_forged_and_stale_requests_get_401_with_an_empty_body_and_change_nothing()
    {
        await using var host = await new ScribeBotApplication().WithSlack().StartKestrelAsync();
        var start = Encoding.UTF8.GetBytes(Form(SlackPayloads.Command("start Checkout returns 502", "1.2.unsigned")));

        using var unsigned = await host.PostSlackAsync(start, "application/x-www-form-urlencoded", secret: null);
        using var forged = await host.PostSlackAsync(start, "application/x-www-form-urlencoded", secret: "not-the-secret");
        using var stale = await host.PostSlackAsync(start, "application/x-www-form-urlencoded", age: TimeSpan.FromMinutes(6));
        using var tampered = await host.PostSlackAsync(start, "application/x-www-form-urlencoded",
            signature: SlackPayloads.Sign("1", start));

        foreach (var response in new[] { unsigned, forged, stale, tampered })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }

        Assert.Null(await host.Store.FindLatestIncidentAsync(SlackPayloads.Channel, CancellationToken.None));
        // Only the bot's own start-up auth.test: nothing a refused request asked for.
        Assert.All(host.Slack.Calls, c => Assert.Equal("auth.test", c.ApiMethod));
    }

    [Fact]
    public async Task Without_a_signing_secret_every_request_is_refused()
    {
        await using var host = await new ScribeBotApplication().WithSlack(signingSecret: null).StartKestrelAsync();

        using var response = await host.PostSlackFormAsync(SlackPayloads.Command("start Checkout returns 502", "1.2.nosecret"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await host.Store.FindLatestIncidentAsync(SlackPayloads.Channel, CancellationToken.None));
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_gets_413()
    {
        await using var host = await new ScribeBotApplication().WithSlack().StartKestrelAsync();
        var body = new byte[(1024 * 1024) + 1];
        body.AsSpan().Fill((byte)'a');

        using var response = await host.PostSlackAsync(body, "application/json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_gets_400_and_changes_nothing()
    {
        await using var host = await new ScribeBotApplication().WithSlack().StartKestrelAsync();

        using var response = await host.PostSlackAsync("{\"type\": \"event_callback\", "u8.ToArray(), "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await host.Store.FindLatestIncidentAsync(SlackPayloads.Channel, CancellationToken.None));
    }

    [Fact]
    public async Task An_incident_records_messages_thread_replies_edits_deletes_and_reactions_with_resolved_names()
    {
        await using var host = await HostWithIncidentAsync("start Checkout returns 502 sev2");

        var plain = SlackPayloads.Now(1);
        var reply = SlackPayloads.Now(2);
        var doomed = SlackPayloads.Now(3);
        await Ok(host.PostSlackJsonAsync(Message("Ev0001", plain, "p99 is through the roof")));
        await Ok(host.PostSlackJsonAsync(Message("Ev0002", reply, "rolling back now", threadTs: plain)));
        await Ok(host.PostSlackJsonAsync(Message("Ev0003", doomed, "wrong channel, sorry")));
        await Ok(host.PostSlackJsonAsync(SlackPayloads.Event("event_message_changed.docs.json",
            ("event_id", "Ev0004"), ("event.ts", SlackPayloads.Now(4)), ("event.message.ts", plain),
            ("event.message.text", "p99 latency is through the roof"), ("event.message.edited.ts", SlackPayloads.Now(4)))));
        await Ok(host.PostSlackJsonAsync(SlackPayloads.Event("event_message_deleted.docs.json",
            ("event_id", "Ev0005"), ("event.ts", SlackPayloads.Now(5)), ("event.deleted_ts", doomed))));
        await Ok(host.PostSlackJsonAsync(SlackPayloads.Event("event_reaction_added.docs.json",
            ("event_id", "Ev0006"), ("event.reaction", "rotating_light"), ("event.item.ts", plain), ("event.event_ts", SlackPayloads.Now(6)))));

        var timeline = await host.TimelineAsync(SlackPayloads.Channel);
        var first = Assert.Single(timeline, e => e.MessageId == plain);
        Assert.Equal("p99 latency is through the roof", first.Text);
        Assert.Single(first.Edits);
        // Acknowledged before users.info answered, the author is named when the timeline is rendered.
        var incident = await host.Store.FindLatestIncidentAsync(SlackPayloads.Channel, CancellationToken.None);
        var (_, named) = await PeopleNames.ApplyAsync(host.Service<IEnumerable<IPeopleDirectory>>(), incident!, timeline, CancellationToken.None);
        Assert.Equal(FixtureName, Assert.Single(named, e => e.MessageId == plain).Author.DisplayName);
        Assert.Contains(first.Marks, m => m.Tag == TimelineTag.Detection);
        Assert.Equal(plain, Assert.Single(timeline, e => e.MessageId == reply).ThreadId);
        Assert.True(Assert.Single(timeline, e => e.MessageId == doomed).Deleted);
        Assert.NotEmpty(host.Slack.CallsTo("users.info"));
        Assert.Single(host.Slack.CallsTo("auth.test"));
    }

    [Fact]
    public async Task A_retried_event_is_recorded_once()
    {
        await using var host = await HostWithIncidentAsync("start Checkout returns 502");
        var ts = SlackPayloads.Now(1);

        await Ok(host.PostSlackJsonAsync(Message("Ev0100", ts, "first delivery")));
        await Ok(host.PostSlackJsonAsync(Message("Ev0100", ts, "first delivery"), retry: 1));
        await Ok(host.PostSlackJsonAsync(Message("Ev0100", ts, "first delivery"), retry: 2));

        Assert.Single(await host.TimelineAsync(SlackPayloads.Channel), e => e.MessageId == ts);
    }

    [Fact]
    public async Task The_bots_own_messages_are_not_recorded()
    {
        await using var host = await HostWithIncidentAsync("start Checkout returns 502");
        var ts = SlackPayloads.Now(1);

        // UBOT00001 is the user id the fake's auth.test gives the bot.
        await Ok(host.PostSlackJsonAsync(Message("Ev0200", ts, "INC-1 is open", user: "UBOT00001")));

        Assert.DoesNotContain(await host.TimelineAsync(SlackPayloads.Channel), e => e.MessageId == ts);
    }

    [Fact]
    public async Task Slash_command_misuse_is_answered_to_the_caller_only_with_the_reason()
    {
        await using var host = await new ScribeBotApplication().WithSlack().StartKestrelAsync();

        using var response = await host.PostSlackFormAsync(SlackPayloads.Command("resolve", "1.2.resolve"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ephemeral", json.RootElement.GetProperty("response_type").GetString());
        Assert.Contains("There is no incident in this channel", json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("section", json.RootElement.GetProperty("blocks")[0].GetProperty("type").GetString());
        Assert.Empty(host.Slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task The_message_shortcut_opens_the_modal_and_its_submission_tags_a_message_from_before_the_start()
    {
        var alertTs = SlackPayloads.Now(-60);
        await using var host = await HostWithIncidentAsync("start Checkout returns 502");

        var shortcut = SlackPayloads.Event("interactivity_message_action.slack_docs_example.json",
            ("callback_id", "add_to_timeline"), ("team.id", SlackPayloads.Team), ("channel.id", SlackPayloads.ChannelId),
            ("message.ts", alertTs), ("message.text", "ALERT checkout 5xx > 5%"));
        await Ok(host.PostSlackFormAsync(new Dictionary<string, string> { ["payload"] = shortcut.ToJsonString() }));

        var open = Assert.Single(host.Slack.CallsTo("views.open")).Json();
        Assert.Equal("13345224609.8534564800.6f8ab1f53e13d0cd15f96106292d5536", open.GetProperty("trigger_id").GetString());
        var view = open.GetProperty("view");
        Assert.Equal("modal", view.GetProperty("type").GetString());
        var kinds = view.GetProperty("blocks")[0].GetProperty("element").GetProperty("options").EnumerateArray()
            .Select(o => o.GetProperty("value").GetString()).ToList();
        Assert.Equal(["detection", "action", "misleading", "escalation", "root-cause", "resolution", "key-event"], kinds);

        var submission = Submission(view, kind: "detection", note: "this alert is how we noticed");
        await Ok(host.PostSlackFormAsync(new Dictionary<string, string> { ["payload"] = submission.ToJsonString() }));

        var timeline = await host.TimelineAsync(SlackPayloads.Channel);
        var alert = Assert.Single(timeline, e => e.MessageId == alertTs);
        Assert.Equal("ALERT checkout 5xx > 5%", alert.Text);
        Assert.Contains(alert.Marks, m => m.Tag == TimelineTag.Detection);
        Assert.Contains(timeline, e => e.Text.Contains("this alert is how we noticed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_submission_without_a_valid_kind_is_answered_with_a_field_error()
    {
        await using var host = await HostWithIncidentAsync("start Checkout returns 502");
        var shortcut = SlackPayloads.Event("interactivity_message_action.slack_docs_example.json",
            ("callback_id", "add_to_timeline"), ("team.id", SlackPayloads.Team), ("channel.id", SlackPayloads.ChannelId));
        await Ok(host.PostSlackFormAsync(new Dictionary<string, string> { ["payload"] = shortcut.ToJsonString() }));
        var view = Assert.Single(host.Slack.CallsTo("views.open")).Json().GetProperty("view");

        using var response = await host.PostSlackFormAsync(new Dictionary<string, string>
        {
            ["payload"] = Submission(view, kind: "note", note: null).ToJsonString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("errors", json.RootElement.GetProperty("response_action").GetString());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("kind", out _));
    }

    private static JsonNode Message(string eventId, string ts, string text, string? threadTs = null, string user = "U123ABC456")
    {
        var message = SlackPayloads.Event("event_message_channel.docs.json",
            ("event_id", eventId), ("event.ts", ts), ("event.event_ts", ts), ("event.text", text), ("event.user", user));
        if (threadTs is not null)
        {
            message["event"]!["thread_ts"] = threadTs;
        }

        return message;
    }

    /// <summary>The Java SDK's view_submission fixture, as the modal we opened was submitted.</summary>
    private static JsonNode Submission(JsonElement openedView, string kind, string? note)
    {
        var values = new JsonObject
        {
            ["kind"] = new JsonObject
            {
                ["kind_select"] = new JsonObject
                {
                    ["type"] = "static_select",
                    ["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = kind }, ["value"] = kind },
                },
            },
            ["note"] = new JsonObject { ["note_input"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = note } },
        };
        return SlackPayloads.Event("interactivity_view_submission.java_sdk_test.json",
            ("team.id", SlackPayloads.Team),
            ("view.callback_id", openedView.GetProperty("callback_id").GetString()),
            ("view.private_metadata", openedView.GetProperty("private_metadata").GetString()),
            ("view.state", new JsonObject { ["values"] = values }));
    }

    /// <summary>A host on the fake Slack whose test channel has INC-1, opened by the slash command <paramref name="start"/>.</summary>
    private static async Task<ScribeBotApplication> HostWithIncidentAsync(string start)
    {
        var host = await new ScribeBotApplication().WithSlack().StartKestrelAsync();
        try
        {
            await Ok(host.PostSlackFormAsync(SlackPayloads.Command(start, "1.2.start")));
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Resolves the incident with the slash command <paramref name="resolve"/> and waits, a minute at most, for the
    /// draft's Markdown file to be shared in the channel; its text.
    /// </summary>
    private static async Task<string> ResolveAndReadDraftMarkdownAsync(ScribeBotApplication host, string resolve)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Ok(host.PostSlackFormAsync(SlackPayloads.Command(resolve, "1.2.resolve")));
        return await host.Slack.SharedTextAsync("INC-1-postmortem.md", timeout.Token);
    }

    private static async Task Ok(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string Form(IReadOnlyDictionary<string, string> fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
}
