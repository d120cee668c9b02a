using System.Globalization;
using System.Net;
using ScribeBot.Core.Outbox;
using ScribeBot.Teams.Tests;

namespace ScribeBot.Tests.Teams;

/// <summary>Posts made outside a turn: the outbox, the stored conversation reference and a failing connector.</summary>
public sealed class TeamsPostingTests
{
    private static readonly (string Id, string Name) Alice = ("29:alice", "Alice Ng");
    private const string StartId = "1772460000000";

    [Fact]
    public async Task A_connector_that_answers_429_then_200_gets_one_post()
    {
        await using var host = await TeamsHost.StartAsync();
        host.Connector.FailNext(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(1));

        await host.OkAsync(Command(host, StartId, "start Checkout returns 502", 0));
        // A channel's posts leave in order, so when the ack's announcement arrives the start's delivery is settled.
        await host.OkAsync(Command(host, "1772460060000", "ack", 1));
        var sent = await host.Connector.WaitForSentAsync(2);

        Assert.Equal([429, 200, 200], host.Connector.Statuses);
        Assert.Single(sent, s => s.Text.Contains("INC-1 declared", StringComparison.Ordinal));
        Assert.Contains("INC-1 acknowledged", sent[1].Text, StringComparison.Ordinal);
        var item = await host.Services<IOutboxStore>().GetAsync(OutboxItem.MakeId(TeamsHost.Channel, StartId, 0), CancellationToken.None);
        Assert.Equal(OutboxState.Delivered, item!.State);
        Assert.Equal(1, item.Attempts);
    }

    [Fact]
    public async Task The_answer_to_a_refused_command_survives_a_connector_outage()
    {
        await using var host = await TeamsHost.StartAsync();
        host.Connector.FailNext(HttpStatusCode.ServiceUnavailable);
        host.Connector.FailNext(HttpStatusCode.InternalServerError);

        await host.OkAsync(Command(host, StartId, "severity sev9", 0));

        var reply = Assert.Single(await host.Connector.WaitForSentAsync(1));
        Assert.Equal([503, 500, 200], host.Connector.Statuses);
        Assert.Contains("sev9", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_split_over_several_messages_resumes_after_a_failed_part_without_repeating_any()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.OkAsync(Command(host, StartId, "start Checkout returns 502 sev2", 0));
        // 150 key events of 150 characters each: far more than one Teams message holds.
        for (var i = 1; i <= 150; i++)
        {
            var id = (1_772_460_000_000L + (i * 1000)).ToString(CultureInfo.InvariantCulture);
            await host.OkAsync(TeamsPayloads.ChannelMessage(host.ServiceUrl, id, $"observation {i:D3} " + new string('x', 135), TeamsPayloads.Start.AddSeconds(i), Alice, StartId));
            await host.OkAsync(TeamsPayloads.Reaction(host.ServiceUrl, id, "like", "29:bo", root: StartId));
        }

        var before = (await host.Connector.WaitForSentAsync(1)).Count;
        // Announcement of the resolve, then the first part of the draft, then the second part fails with a 503.
        host.Connector.FailOnceAfter(before + 2, HttpStatusCode.ServiceUnavailable);
        await host.OkAsync(Command(host, "1772461000000", "resolve rolled back", 200));
        await host.OkAsync(Command(host, "1772461060000", "status", 201));
        await host.OkAsync(Command(host, "1772461120000", "timeline", 202));

        var sent = await WaitForTextAsync(host, "timeline so far");
        var draft = sent.Skip(before + 1).TakeWhile(s => !s.Text.Contains("timeline so far", StringComparison.Ordinal)).ToArray();
        Assert.True(draft.Length >= 3, $"the draft took {draft.Length} messages");
        Assert.Contains(503, host.Connector.Statuses);
        for (var i = 1; i <= 150; i++)
        {
            var marker = $"observation {i:D3} ";
            Assert.Single(draft, s => s.Text.Contains(marker, StringComparison.Ordinal));
        }

        Assert.Equal(draft.Length, draft.Select(s => s.Text).Distinct().Count());
        var item = await host.Services<IOutboxStore>().GetAsync(OutboxItem.MakeId(TeamsHost.Channel, "1772461000000", 1), CancellationToken.None);
        Assert.Equal(OutboxState.Delivered, item!.State);
        Assert.Equal(1, item.Attempts);
    }

    [Fact]
    public async Task With_the_connector_down_across_a_restart_the_draft_arrives_once_after_recovery()
    {
        var connector = await FakeConnector.StartAsync();
        var directory = Path.Combine(Path.GetTempPath(), "scribebot-teams-" + Guid.NewGuid().ToString("N"));
        var first = await TeamsHost.StartAsync(directory: directory, connector: connector);
        await first.OkAsync(Command(first, StartId, "start Checkout returns 502", 0));
        await connector.WaitForSentAsync(1);
        for (var i = 0; i < 3; i++)
        {
            connector.FailNext(HttpStatusCode.BadGateway);
        }

        await first.OkAsync(Command(first, "1772460600000", "resolve rolled back", 10));
        await first.StopAsync();

        await using var second = await TeamsHost.StartAsync(directory: directory, connector: connector);
        var sent = await WaitForTextAsync(second, "Corrective and Preventative Measures");

        Assert.Single(sent, s => s.Text.Contains("INC-1 resolved", StringComparison.Ordinal));
        Assert.Single(sent, s => s.Text.Contains("Issue Summary", StringComparison.Ordinal));
        Assert.Contains(502, connector.Statuses);
        Assert.All(sent, s => Assert.Equal($"{TeamsPayloads.ChannelId};messageid={StartId}", s.ConversationId));
    }

    [Fact]
    public async Task The_draft_links_to_its_full_markdown_which_the_host_serves()
    {
        await using var host = await TeamsHost.StartAsync(publicBaseUrl: "https://scribe.example.com/");
        await host.OkAsync(Command(host, StartId, "start Checkout returns 502", 0));
        await host.OkAsync(TeamsPayloads.ChannelMessage(host.ServiceUrl, "1772460030000", "p99 <b>3s</b> @channel", TeamsPayloads.Start.AddSeconds(30), Alice, StartId));
        await host.OkAsync(Command(host, "1772460600000", "resolve rolled back", 10));

        var sent = await WaitForTextAsync(host, "Corrective and Preventative Measures");
        var incident = await host.Store.FindLatestIncidentAsync(TeamsHost.Channel, CancellationToken.None);
        var path = $"incidents/{Uri.EscapeDataString(incident!.Id)}/postmortem.md";
        Assert.Contains(sent, s => s.Text.Contains($"href=\"https://scribe.example.com/{path}\"", StringComparison.Ordinal));

        using var download = await host.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/markdown", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("INC-1-postmortem.md", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        var markdown = await download.Content.ReadAsStringAsync();
        Assert.Contains("## Issue Summary", markdown, StringComparison.Ordinal);
        Assert.Contains("p99", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("@channel", markdown, StringComparison.Ordinal);

        using var unknown = await host.Client.GetAsync(new Uri("incidents/teams%3Anope%3A9/postmortem.md", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static System.Text.Json.Nodes.JsonObject Command(TeamsHost host, string id, string text, int minute) =>
        TeamsPayloads.ChannelMessage(host.ServiceUrl, id, text, TeamsPayloads.Start.AddMinutes(minute), Alice, StartId, mentionBot: true);

    private static async Task<IReadOnlyList<SentActivity>> WaitForTextAsync(TeamsHost host, string text)
    {
        while (true)
        {
            var sent = host.Connector.Sent;
            if (sent.Any(s => s.Text.Contains(text, StringComparison.Ordinal)))
            {
                return sent;
            }

            await host.Connector.WaitForSentAsync(sent.Count + 1, TimeSpan.FromSeconds(60));
        }
    }
}
