using Microsoft.Bot.Schema;
using ScribeBot.Teams.Conversations;

namespace ScribeBot.Tests.Teams;

/// <summary>
/// Teams is closed unless it is configured: a default install answers nobody on <c>/api/messages</c> and calls no
/// service URL an anonymous activity names; the Emulator switch serves this machine only and calls loopback only; with
/// an app id the bot never calls a service URL off the allow-list, not even one stored before.
/// </summary>
public sealed class TeamsAccessTests
{
    private static readonly (string Id, string Name) Mallory = ("29:mallory", "Mallory");
    private static readonly Dictionary<string, string?> DefaultInstall = new() { ["Teams:AllowUnauthenticated"] = "false" };

    [Fact]
    public async Task A_default_install_answers_404_to_an_anonymous_activity_and_never_calls_its_service_url()
    {
        await using var host = await new ScribeBotApplication().WithTeams().WithSettings(DefaultInstall).StartKestrelAsync();
        var start = TeamsPayloads.ChannelMessage(host.ServiceUrl, "1772460000000", "start Planted incident", TeamsPayloads.Start, Mallory, mentionBot: true);
        var personal = TeamsPayloads.Fixture("activity_message_personal_1to1.json");
        personal["serviceUrl"] = host.ServiceUrl.AbsoluteUri;
        personal["text"] = "help";

        using var command = await host.PostActivityAsync(start);
        using var chat = await host.PostActivityAsync(personal);

        Assert.Equal(HttpStatusCode.NotFound, command.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, chat.StatusCode);
        Assert.Null(await host.Store.FindLatestIncidentAsync(TeamsPayloads.Channel, CancellationToken.None));
        Assert.Empty(await host.Service<IOutboxStore>().GetDueAsync(DateTimeOffset.MaxValue, 100, [Core.Channels.ChatPlatform.Teams], CancellationToken.None));
        Assert.Empty(host.Connector.Statuses);
    }

    [Fact]
    public async Task In_the_emulator_mode_a_request_relayed_by_a_tunnel_gets_404_and_changes_nothing()
    {
        await using var host = await new ScribeBotApplication().WithTeams().StartKestrelAsync();
        var start = TeamsPayloads.ChannelMessage(host.ServiceUrl, "1772460000000", "start Relayed incident", TeamsPayloads.Start, Mallory, mentionBot: true);

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(start.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var relayed = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, relayed.StatusCode);
        Assert.Null(await host.Store.FindLatestIncidentAsync(TeamsPayloads.Channel, CancellationToken.None));
        Assert.Empty(host.Connector.Statuses);
    }

    [Fact]
    public async Task In_the_emulator_mode_an_activity_naming_a_service_url_off_this_machine_is_refused_and_changes_nothing()
    {
        await using var host = await new ScribeBotApplication().WithTeams().StartKestrelAsync();
        var start = TeamsPayloads.ChannelMessage(new Uri("http://192.0.2.10/"), "1772460000000", "start Planted incident", TeamsPayloads.Start, Mallory, mentionBot: true);

        using var response = await host.PostActivityAsync(start);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await host.Store.FindLatestIncidentAsync(TeamsPayloads.Channel, CancellationToken.None));
        Assert.Empty(await host.Service<IOutboxStore>().GetDueAsync(DateTimeOffset.MaxValue, 100, [Core.Channels.ChatPlatform.Teams], CancellationToken.None));
    }

    [Fact]
    public async Task With_an_app_id_a_reference_stored_earlier_for_a_service_url_off_the_allow_list_is_never_called()
    {
        // Microsoft's hosts only: the loopback fake connector the reference names is not on the list.
        await using var host = await new ScribeBotApplication()
            .WithTeams(appId: "3f2b8a1e-7c4d-4e1a-9b2f-5d6c7e8f9a0b")
            .WithSetting("Teams:AllowedServiceUrls:0", "")
            .StartKestrelAsync();
        var reference = new ConversationReference
        {
            ServiceUrl = host.ServiceUrl.AbsoluteUri,
            ChannelId = "msteams",
            Conversation = new ConversationAccount { Id = TeamsPayloads.ChannelId, TenantId = TeamsPayloads.Tenant },
            Bot = new ChannelAccount(TeamsPayloads.BotId, TeamsPayloads.BotName),
        };
        await host.Service<ConversationAddresses>().RememberAsync(TeamsPayloads.Channel, reference, CancellationToken.None);
        var poster = host.Service<IEnumerable<IChannelPoster>>().Single(p => p.Platform == Core.Channels.ChatPlatform.Teams);
        var item = OutboxItem.For("planted", [new AnnouncementPost(TeamsPayloads.Channel, ChatText.Of("hello"))], incidentId: null, TeamsPayloads.Start).Single();

        var result = await poster.DeliverAsync(item, CancellationToken.None);

        Assert.IsType<PermanentResult>(result);
        Assert.Empty(host.Connector.Statuses);
    }
}
