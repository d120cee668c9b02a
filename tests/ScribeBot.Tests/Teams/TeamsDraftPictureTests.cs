using ScribeBot.Core.Postmortem.Picture;
using ScribeBot.Testing.Pictures;
using static ScribeBot.Tests.Teams.TeamsThread;

namespace ScribeBot.Tests.Teams;

/// <summary>
/// The timeline picture on the Teams draft, through the whole path (activity, outbox, connector) on loopback HTTP.
/// What the fake connector received is compared with what the host's picture service draws for the incident.
/// </summary>
public sealed class TeamsDraftPictureTests
{
    private const string DraftTitle = "INC-1: Checkout returns 502";

    [Fact]
    public async Task The_draft_carries_the_picture_as_an_inline_png_on_its_first_message()
    {
        await using var host = await new ScribeBotApplication().WithTeams().WithTimelinePicture().StartKestrelAsync();
        await host.PostActivityOkAsync(Command(host, StartId, "start Checkout returns 502 sev2", 0));
        await host.PostActivityOkAsync(Command(host, "1772461000000", "resolve rolled back", 30));

        await host.PostActivityOkAsync(Command(host, "1772461060000", "timeline", 31));
        var sent = await host.Connector.WaitForTextAsync("timeline so far");

        var first = Assert.Single(sent, OpensTheDraft);
        var image = Assert.Single(first.Attachments);
        var expected = await host.PictureOfAsync(await IncidentIdAsync(host));
        Assert.Equal(TimelineImage.ContentType, (string?)image["contentType"]);
        Assert.Equal("INC-1-timeline.png", (string?)image["name"]);
        Assert.Equal(expected.Png, DecodeDataUri((string)image["contentUrl"]!));
        Assert.Single(sent, s => s.Attachments.Count > 0);
    }

    [Fact]
    public async Task A_split_draft_has_the_picture_on_its_first_message_only_and_a_retried_part_does_not_send_it_again()
    {
        await using var host = await new ScribeBotApplication().WithTeams().WithTimelinePicture().StartKestrelAsync();
        await host.PostActivityOkAsync(Command(host, StartId, "start Checkout returns 502 sev2", 0));
        // 150 key events of 150 characters each: far more than one Teams message holds.
        await TeamsBusyChannel.PostTaggedObservationsAsync(host, StartId, Alice);

        var (sent, draft) = await TeamsBusyChannel.FailTheDraftsSecondMessageOnceAsync(host, async () =>
        {
            await host.PostActivityOkAsync(Command(host, "1772461000000", "resolve rolled back", 200));
            await host.PostActivityOkAsync(Command(host, "1772461120000", "timeline", 202));
        });
        Assert.True(draft.Length >= 3, $"the draft took {draft.Length} messages");
        Assert.Contains(503, host.Connector.Statuses);
        Assert.True(OpensTheDraft(draft[0]), draft[0].Text);
        var image = Assert.Single(draft[0].Attachments);
        Assert.Equal((await host.PictureOfAsync(await IncidentIdAsync(host))).Png, DecodeDataUri((string)image["contentUrl"]!));
        Assert.All(draft.Skip(1), s => Assert.Empty(s.Attachments));
        Assert.Single(sent, s => s.Attachments.Count > 0);
    }

    [Fact]
    public async Task A_picture_over_teams_limits_is_not_attached_and_the_next_message_says_where_to_see_it()
    {
        await using var host = await new ScribeBotApplication()
            .WithTeams()
            .WithTimelinePicture(FixedTimelinePicture.TooWideForTeams())
            .WithSetting("Scribe:PublicBaseUrl", "https://scribe.example.com/")
            .StartKestrelAsync();
        await host.PostActivityOkAsync(Command(host, StartId, "start Checkout returns 502 sev2", 0));
        await host.PostActivityOkAsync(Command(host, "1772461000000", "resolve rolled back", 30));
        await host.PostActivityOkAsync(Command(host, "1772461060000", "timeline", 31));

        var sent = await host.Connector.WaitForTextAsync("timeline so far");
        var picture = await host.PictureOfAsync(await IncidentIdAsync(host));
        Assert.False(picture.Width <= TeamsLimitPixels && picture.Height <= TeamsLimitPixels, "the test's picture must be over the limit");
        Assert.All(sent, s => Assert.Empty(s.Attachments));
        var first = sent.ToList().FindIndex(OpensTheDraft);
        var notice = sent[first + 1].Text;
        Assert.Contains("The timeline picture is larger than Teams shows in a message", notice, StringComparison.Ordinal);
        Assert.Contains($"href=\"https://scribe.example.com/incidents/{Uri.EscapeDataString(await IncidentIdAsync(host))}\"", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_left_half_sent_by_the_version_before_pictures_resumes_at_its_count_with_no_picture_or_notice()
    {
        await using var host = await new ScribeBotApplication().WithTeams().WithTimelinePicture(FixedTimelinePicture.TooWideForTeams()).StartKestrelAsync();
        await host.PostActivityOkAsync(Command(host, StartId, "start Checkout returns 502", 0));
        await host.Connector.WaitForSentAsync(1);
        // The version before recorded that the connector took the draft's first message, and no rendering.
        var incidentId = await IncidentIdAsync(host);
        var item = OutboxItem.For("1772460500000", [new PostmortemPost(TeamsPayloads.Channel, incidentId)], incidentId, TeamsPayloads.Start)[0];
        await host.Service<IAdapterStateStore>().SetStateAsync($"teams:delivered:{item.Id}", "1", CancellationToken.None);
        var before = host.Connector.Sent.Count;

        var result = await host.Service<IEnumerable<IChannelPoster>>().Single(p => p.Platform == ChatPlatform.Teams).DeliverAsync(item, CancellationToken.None);

        Assert.Equal(DeliveryResult.Delivered, result);
        // It resumes after the message already sent: the rest of the draft, with no picture and no notice about one.
        var resumed = host.Connector.Sent.Skip(before).ToList();
        Assert.DoesNotContain(resumed, OpensTheDraft);
        Assert.All(resumed, s => Assert.Empty(s.Attachments));
        Assert.DoesNotContain(resumed, s => s.Text.Contains("timeline picture", StringComparison.Ordinal));
    }

    private const int TeamsLimitPixels = 1024;

    /// <summary>The draft's first message: its title, not a continuation's "(continued" nor the timeline's.</summary>
    private static bool OpensTheDraft(SentActivity sent) =>
        sent.Text.Contains(DraftTitle, StringComparison.Ordinal)
        && !sent.Text.Contains("(continued", StringComparison.Ordinal)
        && !sent.Text.Contains("timeline so far", StringComparison.Ordinal);

    private static byte[] DecodeDataUri(string uri)
    {
        const string Prefix = "data:image/png;base64,";
        Assert.StartsWith(Prefix, uri, StringComparison.Ordinal);
        return Convert.FromBase64String(uri[Prefix.Length..]);
    }

    private static async Task<string> IncidentIdAsync(ScribeBotApplication host) =>
        (await host.Store.FindLatestIncidentAsync(TeamsPayloads.Channel, CancellationToken.None))!.Id;
}
