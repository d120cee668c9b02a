using ScribeBot.Testing.Pictures;

namespace ScribeBot.Tests.Slack;

/// <summary>
/// The timeline picture in the Slack draft's thread, through the whole path (command, outbox, Web API) on loopback
/// HTTP. What the fake Slack received is compared with what the host's picture service draws for the incident, so
/// these hold with the real renderer as with the fixed one.
/// </summary>
public sealed class SlackDraftPictureTests : IAsyncLifetime, IDisposable
{
    private const string Picture = "INC-1-timeline.png";
    private const string Markdown = "INC-1-postmortem.md";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _timeout = new();
    private readonly CapturingLoggerProvider _logs = new();
    private ScribeBotApplication _host = null!;

    public async Task InitializeAsync()
    {
        _host = await new ScribeBotApplication().WithSlack().WithTimelinePicture().WithLogs(_logs).StartKestrelAsync();
        _timeout.CancelAfter(Patience);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public void Dispose()
    {
        _timeout.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task Resolving_uploads_the_picture_once_as_the_first_reply_in_the_drafts_thread_with_its_alt_text()
    {
        await StartAndResolveAsync();

        await _host.Slack.WaitForSharedFileAsync(Markdown, _timeout.Token);
        var picture = Assert.Single(_host.Slack.Files.All, f => f.Name == Picture);
        var expected = await _host.PictureOfAsync(await IncidentIdAsync());
        Assert.True(picture.Shared);
        Assert.Equal(expected.Png, picture.Bytes);
        Assert.Equal(expected.Png.Length, picture.Length);
        Assert.Equal(expected.AltText, picture.AltText);
        Assert.Equal("INC-1 timeline", picture.Title);
        Assert.Equal(SlackPayloads.ChannelId, picture.Channel);

        var draftTs = DraftTs();
        Assert.Equal(draftTs, picture.ThreadTs);
        var replies = _host.Slack.History.In(SlackPayloads.ChannelId).Where(m => (string?)m["thread_ts"] == draftTs && (string?)m["ts"] != draftTs).ToList();
        Assert.Equal(Picture, (string?)replies[0]["files"]?[0]?["name"]);
        Assert.Equal(Markdown, (string?)replies[^1]["files"]?[0]?["name"]);
    }

    [Fact]
    public async Task A_retry_after_the_pictures_answer_was_lost_uploads_nothing_again()
    {
        // Slack shares the picture, but a proxy's 500 replaces its answer: the poster cannot tell that it arrived.
        _host.Slack.Enqueue("files.completeUploadExternal", FakeResponse.TakenButLost);

        await StartAndResolveAsync();
        await SettledAsync();

        var item = await _host.Outbox.GetAsync(OutboxItem.MakeId(SlackPayloads.Channel, "1.2.resolve", 1), _timeout.Token);
        Assert.Equal(OutboxState.Delivered, item!.State);
        Assert.Equal(1, item.Attempts);
        Assert.NotEmpty(_host.Slack.CallsTo("conversations.replies"));
        Assert.Single(_host.Slack.Files.All, f => f.Name == Picture);
        Assert.Single(_host.Slack.Files.Shared, f => f.Name == Picture);
        Assert.Single(_host.Slack.Files.Shared, f => f.Name == Markdown);
        Assert.Single(DraftFirstParts());
    }

    [Fact]
    public async Task Without_files_write_the_text_goes_out_and_the_refused_picture_is_logged_once_and_not_retried()
    {
        // The scope is missing for the picture and the Markdown; by the item's retry an admin has added it.
        var missing = FakeResponse.Json("""{"ok":false,"error":"missing_scope","needed":"files:write","provided":"chat:write,commands"}""");
        _host.Slack.Enqueue("files.getUploadURLExternal", missing, missing);

        await StartAndResolveAsync();
        await SettledAsync();

        Assert.Single(DraftFirstParts());
        Assert.DoesNotContain(_host.Slack.Files.All, f => f.Name == Picture);
        Assert.Single(_host.Slack.Files.Shared, f => f.Name == Markdown);
        Assert.Equal(1, _host.Slack.CallsTo("files.getUploadURLExternal").Count(c => c.Form()["filename"] == Picture));
        var refused = Assert.Single(_logs.Logs, l => l.Message.Contains("refused the timeline picture", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, refused.Level);
        Assert.Contains("missing_scope", refused.Message, StringComparison.Ordinal);
        Assert.Contains("files:write", refused.Message, StringComparison.Ordinal);
    }

    private async Task StartAndResolveAsync()
    {
        await _host.PostSlackFormAsync(SlackPayloads.Command("start Checkout returns 502 sev2", "1.2.start"));
        await _host.Slack.WaitForCallsAsync("chat.postMessage", 1, _timeout.Token);
        await _host.PostSlackFormAsync(SlackPayloads.Command("resolve rolled back to v2.40", "1.2.resolve"));
    }

    /// <summary>
    /// Until the draft's item is final: a channel's posts leave in order, so when the reopen's announcement arrives,
    /// every attempt of the draft has been made.
    /// </summary>
    private async Task SettledAsync()
    {
        await _host.Slack.WaitForSharedFileAsync(Markdown, _timeout.Token);
        await _host.PostSlackFormAsync(SlackPayloads.Command("reopen", "1.2.reopen"));
        while (!_host.Slack.CallsTo("chat.postMessage").Any(c => Text(c).Contains("INC-1 reopened", StringComparison.Ordinal)))
        {
            await _host.Slack.WaitForCallsAsync("chat.postMessage", _host.Slack.CallsTo("chat.postMessage").Count + 1, _timeout.Token);
        }
    }

    private async Task<string> IncidentIdAsync() =>
        (await _host.Store.FindLatestIncidentAsync(SlackPayloads.Channel, _timeout.Token))!.Id;

    private IReadOnlyList<RecordedCall> DraftFirstParts() =>
        [.. _host.Slack.CallsTo("chat.postMessage").Where(c => IsDraftsFirstPart(Text(c)))];

    /// <summary>The ts of the draft's first message, as the fake Slack stored it.</summary>
    private string DraftTs() => _host.Slack.History.In(SlackPayloads.ChannelId)
        .Single(m => IsDraftsFirstPart((string?)m["text"] ?? ""))["ts"]!.GetValue<string>();

    // The draft's later parts carry the same title, marked "(continued 2/2)".
    private static bool IsDraftsFirstPart(string text) =>
        text.StartsWith("INC-1: Checkout returns 502 - postmortem draft", StringComparison.Ordinal)
        && !text.Contains("(continued ", StringComparison.Ordinal);

    private static string Text(RecordedCall call) => call.Json().GetProperty("text").GetString() ?? "";
}
