using ScribeBot.Testing.Channels;

namespace ScribeBot.Tests.Teams;

/// <summary>Teams through the real host, the real CloudAdapter and a fake Bot Connector, over loopback HTTP.</summary>
public sealed class TeamsEndpointTests
{
    private static readonly (string Id, string Name) Alice = ("29:alice", "Alice Ng");
    private static readonly (string Id, string Name) Bo = ("29:bo", "Bo Chen");

    /// <summary>
    /// A whole incident as Teams delivers it - start by mention, twenty channel messages received with
    /// resource-specific consent (some in the incident thread), an edit, a soft delete and an undelete, reactions, the
    /// message action, an escalation and resolve - and the draft that reached the connector.
    /// </summary>
    [Fact]
    public async Task A_whole_incident_ends_with_the_draft_posted_back_to_the_incident_thread()
    {
        await using var host = await new ScribeBotApplication().WithTeams().StartKestrelAsync();
        var url = host.ServiceUrl;
        var at = TeamsPayloads.Start;
        string Id(int i) => (1_772_460_000_000L + (i * 1000)).ToString(CultureInfo.InvariantCulture);
        const string StartId = "1772460000000";

        await host.PostActivityOkAsync(TeamsPayloads.ChannelMessage(url, StartId, "incident start Checkout returns 502 sev2", at, Alice, mentionBot: true));
        var announcement = Assert.Single(await host.Connector.WaitForSentAsync(1));
        Assert.Equal($"{TeamsPayloads.ChannelId};messageid={StartId}", announcement.ConversationId);
        Assert.Null(announcement.ReplyToId);
        Assert.Equal("xml", announcement.TextFormat);
        Assert.Contains("INC-1", announcement.Text, StringComparison.Ordinal);

        for (var i = 1; i <= 20; i++)
        {
            // Messages 5 and 6 are replies in message 3's thread; the rest are replies to the incident's thread.
            var root = i is 5 or 6 ? Id(3) : i % 2 == 0 ? StartId : null;
            await host.PostActivityOkAsync(TeamsPayloads.ChannelMessage(url, Id(i), WalkthroughChat.Text(i), at.AddMinutes(i), i % 3 == 0 ? Alice : Bo, root));
        }

        await host.PostActivityOkAsync(TeamsPayloads.Edit(url, Id(4), "payments p99 is 30s, right at the gateway timeout", at.AddMinutes(21)));
        await host.PostActivityOkAsync(TeamsPayloads.Deletion(url, Id(7), at.AddMinutes(22)));
        await host.PostActivityOkAsync(TeamsPayloads.Deletion(url, Id(8), at.AddMinutes(22)));
        await host.PostActivityOkAsync(TeamsPayloads.Deletion(url, Id(8), at.AddMinutes(23), undelete: true));
        foreach (var (message, reaction) in new[] { (1, "surprised"), (4, "like"), (10, "angry"), (18, "heart") })
        {
            await host.PostActivityOkAsync(TeamsPayloads.Reaction(url, Id(message), reaction, Alice.Id));
        }

        var dialog = JsonNode.Parse(await host.PostActivityOkAsync(TeamsPayloads.FetchTask(url, Id(12), WalkthroughChat.Text(12), Bo, at.AddMinutes(12))))!;
        Assert.Equal("continue", (string?)dialog["task"]?["type"]);
        var card = dialog["task"]!["value"]!["card"]!["content"]!;
        Assert.Contains(card["body"]!.AsArray(), element => (string?)element?["id"] == "kind");
        await host.PostActivityOkAsync(TeamsPayloads.SubmitAction(url, Id(12), WalkthroughChat.Text(12), Bo, at.AddMinutes(12), "root-cause", "found by Bo", Alice));
        // The alert from before the incident, added by the message action from its payload.
        await host.PostActivityOkAsync(TeamsPayloads.SubmitAction(url, "1772459000000", "PagerDuty: checkout-api 5xx > 5%", ("29:pd", "PagerDuty"), at.AddMinutes(-16), "detection", null, Alice));

        await host.PostActivityOkAsync(TeamsPayloads.ChannelMessage(url, Id(30), "escalate <at>Dana Okafor</at> database on-call", at.AddMinutes(30), Alice, StartId, mentionBot: true));
        await host.PostActivityOkAsync(TeamsPayloads.ChannelMessage(url, Id(31), "rootcause The payments-api release set the DB pool to 5 instead of 50", at.AddMinutes(31), Alice, StartId, mentionBot: true));
        await host.PostActivityOkAsync(TeamsPayloads.ChannelMessage(url, Id(32), "resolve rolled back payments-api", at.AddMinutes(32), Alice, StartId, mentionBot: true));

        var incident = await host.Store.FindLatestIncidentAsync(TeamsPayloads.Channel, CancellationToken.None);
        Assert.NotNull(incident);
        Assert.Equal(IncidentStatus.Resolved, incident.Status);
        var draftSent = await WaitForDraftAsync(host);
        var draft = string.Join("\n", draftSent.Select(s => s.Text));
        foreach (var heading in WalkthroughChat.DraftHeadings)
        {
            Assert.Contains(heading, draft, StringComparison.Ordinal);
        }

        Assert.Contains("5xx alert firing on checkout-api", draft, StringComparison.Ordinal);
        Assert.Contains("payments p99 is 30s, right at the gateway timeout", draft, StringComparison.Ordinal);
        Assert.Contains("could it be the Stripe EU degradation?", draft, StringComparison.Ordinal);
        Assert.Contains("Escalated to Dana Okafor: database on-call", draft, StringComparison.Ordinal);
        Assert.Contains("payments-api pool size is 5, should be 50", draft, StringComparison.Ordinal);
        Assert.Contains("PagerDuty: checkout-api 5xx &gt; 5%", draft, StringComparison.Ordinal);
        Assert.Contains("rollback done, errors back to baseline", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("lunch order", draft, StringComparison.Ordinal);
        Assert.All(host.Connector.Sent, sent => Assert.Equal($"{TeamsPayloads.ChannelId};messageid={StartId}", sent.ConversationId));
        Assert.All(host.Connector.Sent, sent => Assert.Equal("xml", sent.TextFormat));

        var timeline = await host.TimelineAsync(TeamsPayloads.Channel);
        var byId = timeline.ToDictionary(e => e.MessageId);
        Assert.True(byId[Id(7)].Deleted);
        Assert.False(byId[Id(8)].Deleted);
        Assert.Equal(Id(3), byId[Id(5)].ThreadId);
        Assert.Equal(StartId, byId[Id(2)].ThreadId);
        Assert.Null(byId[Id(1)].ThreadId);
        Assert.Equal("payments p99 is 30s, right at the gateway timeout", byId[Id(4)].Text);
        Assert.Single(byId[Id(4)].Edits);
        Assert.Contains(byId[Id(1)].Marks, m => m.Tag == TimelineTag.Detection);
        Assert.Contains(byId[Id(10)].Marks, m => m.Tag == TimelineTag.Misleading);
        Assert.Contains(byId[Id(12)].Marks, m => m.Tag == TimelineTag.RootCause);
        var note = Assert.Single(timeline, e => e.MessageId.StartsWith($"{Id(12)}/note/", StringComparison.Ordinal));
        Assert.Equal("found by Bo", note.Text);
        Assert.Equal(Alice.Name, note.Author.DisplayName);
        Assert.Contains(byId["1772459000000"].Marks, m => m.Tag == TimelineTag.Detection);
        Assert.StartsWith("https://teams.microsoft.com/l/message/", byId[Id(1)].Permalink, StringComparison.Ordinal);
        Assert.DoesNotContain(timeline, e => e.Text.Contains("incident start", StringComparison.Ordinal) && e.Source == EntrySource.Message);
    }

    [Fact]
    public async Task A_redelivered_message_and_command_are_stored_once()
    {
        await using var host = await new ScribeBotApplication().WithTeams().StartKestrelAsync();
        var start = TeamsPayloads.ChannelMessage(host.ServiceUrl, "1772460000000", "start Checkout returns 502", TeamsPayloads.Start, Alice, mentionBot: true);
        var message = TeamsPayloads.ChannelMessage(host.ServiceUrl, "1772460001000", "p99 is up", TeamsPayloads.Start.AddMinutes(1), Bo, "1772460000000");

        await host.PostActivityOkAsync(start);
        await host.PostActivityOkAsync(message);
        await host.PostActivityOkAsync(start);
        await host.PostActivityOkAsync(message);

        var timeline = await host.TimelineAsync(TeamsPayloads.Channel);
        Assert.Single(timeline, e => e.MessageId == "1772460001000");
        var incidents = await host.Store.ListIncidentsAsync(TeamsPayloads.Channel.WorkspaceKey, DateTimeOffset.MinValue, CancellationToken.None);
        Assert.Single(incidents);
    }

    [Fact]
    public async Task A_bad_command_gets_a_specific_answer_in_the_thread_and_changes_nothing()
    {
        await using var host = await new ScribeBotApplication().WithTeams().StartKestrelAsync();

        await host.PostActivityOkAsync(TeamsPayloads.ChannelMessage(host.ServiceUrl, "1772460000000", "ack", TeamsPayloads.Start, Alice, mentionBot: true));

        var reply = Assert.Single(await host.Connector.WaitForSentAsync(1));
        Assert.Contains("There is no incident in this channel", reply.Text, StringComparison.Ordinal);
        Assert.Equal($"{TeamsPayloads.ChannelId};messageid=1772460000000", reply.ConversationId);
        Assert.Null(await host.Store.FindLatestIncidentAsync(TeamsPayloads.Channel, CancellationToken.None));
    }

    [Fact]
    public async Task In_a_one_to_one_chat_help_is_answered_and_incident_verbs_are_explained()
    {
        await using var host = await new ScribeBotApplication().WithTeams().StartKestrelAsync();
        var personal = TeamsPayloads.Fixture("activity_message_personal_1to1.json");
        personal["serviceUrl"] = host.ServiceUrl.AbsoluteUri;
        personal["text"] = "help";
        await host.PostActivityOkAsync(personal);
        personal["id"] = "personal-2";
        personal["text"] = "start Checkout is down";
        await host.PostActivityOkAsync(personal);

        var sent = await host.Connector.WaitForSentAsync(2);
        Assert.Contains("resolve", sent[0].Text, StringComparison.Ordinal);
        Assert.Contains("Incidents are recorded in team channels", sent[1].Text, StringComparison.Ordinal);
        Assert.StartsWith("a:", sent[0].ConversationId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_app_id_a_request_without_a_valid_token_is_refused_and_changes_nothing()
    {
        await using var host = await new ScribeBotApplication().WithTeams(appId: "3f2b8a1e-7c4d-4e1a-9b2f-5d6c7e8f9a0b").StartKestrelAsync();
        var start = TeamsPayloads.ChannelMessage(host.ServiceUrl, "1772460000000", "start Forged incident", TeamsPayloads.Start, Alice, mentionBot: true);

        using var anonymous = await host.PostActivityAsync(start);
        using var garbage = await host.PostActivityAsync(start, authorization: "Bearer not.a.jwt");
        using var wrongScheme = await host.PostActivityAsync(start, authorization: "Basic dXNlcjpwYXNz");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongScheme.StatusCode);
        Assert.Null(await host.Store.FindLatestIncidentAsync(TeamsPayloads.Channel, CancellationToken.None));
        Assert.Empty(host.Connector.Statuses);
    }

    [Fact]
    public async Task In_the_emulator_mode_the_host_warns_that_it_is_unauthenticated_and_with_an_app_id_it_does_not()
    {
        using var open = new CapturingLoggerProvider();
        using var closed = new CapturingLoggerProvider();
        await using (await new ScribeBotApplication().WithTeams().WithLogs(open).StartKestrelAsync())
        {
        }

        await using (await new ScribeBotApplication().WithTeams(appId: "3f2b8a1e-7c4d-4e1a-9b2f-5d6c7e8f9a0b").WithLogs(closed).StartKestrelAsync())
        {
        }

        var warning = Assert.Single(open.Logs, l => l.Message.Contains("WITHOUT authentication", StringComparison.Ordinal) && l.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Contains("MicrosoftAppId is empty", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Teams:AllowUnauthenticated", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(closed.Logs, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Warning && l.Message.Contains("WITHOUT authentication", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_refused_before_it_is_read()
    {
        await using var host = await new ScribeBotApplication().WithTeams().StartKestrelAsync();
        var huge = TeamsPayloads.ChannelMessage(host.ServiceUrl, "1772460000000", "start " + new string('x', 1_100_000), TeamsPayloads.Start, Alice, mentionBot: true);

        using var response = await host.PostActivityAsync(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(await host.Store.FindLatestIncidentAsync(TeamsPayloads.Channel, CancellationToken.None));
    }

    [Theory]
    [InlineData("{\"type\":\"message\",")]
    [InlineData("[]")]
    [InlineData("{}")]
    public async Task A_malformed_activity_gets_a_4xx_and_changes_nothing(string body)
    {
        await using var host = await new ScribeBotApplication().WithTeams().StartKestrelAsync();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await host.Client.PostAsync("api/messages", content);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Null(await host.Store.FindLatestIncidentAsync(TeamsPayloads.Channel, CancellationToken.None));
    }

    /// <summary>The draft's messages: everything the connector received after the resolve announcement.</summary>
    private static async Task<IReadOnlyList<SentActivity>> WaitForDraftAsync(ScribeBotApplication host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var sent = host.Connector.Sent;
            var draft = sent.SkipWhile(s => !s.Text.Contains("Issue Summary", StringComparison.Ordinal)).ToArray();
            if (draft.Any(s => s.Text.Contains("Corrective and Preventative Measures", StringComparison.Ordinal)))
            {
                return draft;
            }

            await host.Connector.WaitForSentAsync(sent.Count + 1, TimeSpan.FromSeconds(30));
            timeout.Token.ThrowIfCancellationRequested();
        }
    }
}
