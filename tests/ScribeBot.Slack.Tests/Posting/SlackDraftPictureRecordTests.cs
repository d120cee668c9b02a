using ScribeBot.Core.Commands;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Postmortem.Picture;
using ScribeBot.Core.Timeline;
using ScribeBot.Slack.Posting;
using ScribeBot.Slack.Tests.WebApi;
using ScribeBot.Testing.Pictures;

namespace ScribeBot.Slack.Tests.Posting;

/// <summary>The draft's picture in the stored delivery record: drawn once, kept, and never a reason to hold the text.</summary>
public sealed class SlackDraftPictureRecordTests : IAsyncLifetime
{
    private static readonly ChannelRef Channel = new(ChatPlatform.Slack, "T0ACME", "C0123");
    private static readonly Person Alice = new("U01ALICE", "Alice Ng");
    private static readonly DateTimeOffset Declared = new(2026, 3, 2, 13, 0, 0, TimeSpan.Zero);
    private static readonly string IncidentId = Incident.MakeId(Channel, 7);

    private readonly InMemoryIncidentStore _store = new();
    private SlackApiHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await SlackApiHarness.StartAsync();
        var incident = new Incident
        {
            Id = IncidentId, Number = 7, Channel = Channel, Title = "Checkout returns 502", Severity = Severity.Sev2,
            TimeZoneId = "Europe/Berlin", Declared = new Milestone(Declared, Alice), Status = IncidentStatus.Resolved,
            Resolved = new Milestone(Declared.AddHours(2), Alice),
        };
        await _store.SaveIncidentAsync(incident, [], [], default);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public void A_stored_record_reads_back_the_pictures_bytes_alt_text_and_title()
    {
        var record = new SlackDeliveryRecord([], null) { Picture = new SlackPicture("INC-7-timeline.png", "INC-7 timeline", "Timeline of INC-7", TestPng.TwoByTwo) };

        var read = SlackDeliveryRecord.FromJson(record.ToJson())!;

        var picture = Assert.IsType<SlackPicture>(read.Picture);
        Assert.Equal(("INC-7-timeline.png", "INC-7 timeline", "Timeline of INC-7"), (picture.FileName, picture.Title, picture.AltText));
        Assert.Equal(TestPng.TwoByTwo, picture.Png);
        Assert.True(read.HasThread);
    }

    [Fact]
    public async Task A_retry_uploads_the_picture_its_first_attempt_drew_without_drawing_again()
    {
        var picture = new CountingPicture();
        var poster = Poster(picture);
        var item = Item();
        _h.Slack.Enqueue("files.getUploadURLExternal", new FakeResponse(503, "<html>down</html>", ContentType: "text/html"));

        var first = await poster.DeliverAsync(item, default);
        var second = await poster.DeliverAsync(item with { Attempts = 1 }, default);

        Assert.Contains("timeline picture", Assert.IsType<RetryResult>(first).Error, StringComparison.Ordinal);
        Assert.Equal(DeliveryResult.Delivered, second);
        Assert.Equal(1, picture.Draws);
        var shared = Assert.Single(_h.Slack.Files.Shared, f => f.Name == "INC-7-timeline.png");
        Assert.Equal(CountingPicture.PngOf(1), shared.Bytes);
        Assert.Single(_h.Slack.Files.Shared, f => f.Name == "INC-7-postmortem.md");
    }

    [Fact]
    public async Task A_retry_does_not_take_a_file_of_the_same_name_that_someone_else_shared_in_the_thread_for_its_own()
    {
        var poster = Poster(new FixedTimelinePicture());
        var item = Item();
        _h.Slack.Enqueue("files.getUploadURLExternal", new FakeResponse(503, "<html>down</html>", ContentType: "text/html"));
        Assert.IsType<RetryResult>(await poster.DeliverAsync(item, default));
        var draftTs = _h.Slack.History.In("C0123")[0]["ts"]!.GetValue<string>();
        _h.Slack.History.Add("C0123", new JsonObject
        {
            ["type"] = "message", ["ts"] = _h.Slack.History.NextTs(), ["thread_ts"] = draftTs, ["user"] = Alice.Id, ["upload"] = true,
            ["files"] = new JsonArray(new JsonObject { ["id"] = "F0ALICE", ["name"] = "INC-7-timeline.png" }),
        });

        var result = await poster.DeliverAsync(item with { Attempts = 1 }, default);

        Assert.Equal(DeliveryResult.Delivered, result);
        Assert.Equal(draftTs, Assert.Single(_h.Slack.Files.Shared, f => f.Name == "INC-7-timeline.png").ThreadTs);
        Assert.Single(_h.Slack.Files.Shared, f => f.Name == "INC-7-postmortem.md");
    }

    [Fact]
    public async Task A_picture_that_cannot_be_drawn_leaves_the_draft_as_it_was_and_is_logged()
    {
        var result = await Poster(new BrokenPicture()).DeliverAsync(Item(), default);

        Assert.Equal(DeliveryResult.Delivered, result);
        Assert.Equal(["INC-7-postmortem.md"], _h.Slack.Files.Shared.Select(f => f.Name));
        Assert.Single(_h.Logs.Logs, l => l.Level == LogLevel.Error && l.Message.Contains("could not be drawn", StringComparison.Ordinal));
    }

    private SlackChannelPoster Poster(ITimelinePicture picture) => new(
        _h.Services.GetRequiredService<SlackWebApiClient>,
        new SlackBotAccount(_h.Services.GetRequiredService<SlackWebApiClient>, TimeProvider.System),
        _store, _store, [], hasBotToken: true, publicBaseUrl: null, _h.Services.GetRequiredService<ILogger<SlackChannelPoster>>(), picture);

    private OutboxItem Item() => Assert.Single(OutboxItem.For("req-1", [new PostmortemPost(Channel, IncidentId)], IncidentId, _h.Time.GetUtcNow()));

    /// <summary>Draws a different (valid) picture each time, as a renderer would for an incident that changed.</summary>
    private sealed class CountingPicture : ITimelinePicture
    {
        private int _draws;

        public int Draws => _draws;

        public static byte[] PngOf(int draw) => TestPng.Solid(draw, 1);

        public TimelineImage Draw(Incident incident, IReadOnlyList<TimelineEntry> entries, int scale = 1) => Draw(incident, new PostmortemDiagram("", [], []), scale);

        public TimelineImage Draw(Incident incident, PostmortemDiagram diagram, int scale = 1)
        {
            var draw = Interlocked.Increment(ref _draws);
            return new TimelineImage(PngOf(draw), draw, 1, $"draw {draw}");
        }
    }

    private sealed class BrokenPicture : ITimelinePicture
    {
        public TimelineImage Draw(Incident incident, IReadOnlyList<TimelineEntry> entries, int scale = 1) => throw new InvalidOperationException("no lane for this kind");

        public TimelineImage Draw(Incident incident, PostmortemDiagram diagram, int scale = 1) => throw new InvalidOperationException("no lane for this kind");
    }
}
