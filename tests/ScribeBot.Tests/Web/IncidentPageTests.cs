namespace ScribeBot.Tests.Web;

public sealed class IncidentPageTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private static readonly XNamespace Svg = SvgWriter.Namespace;

    private ScribeBotApplication Host => fixture.Host;

    private static string PathOf(Incident incident) => "/incidents/" + Uri.EscapeDataString(incident.Id);

    private static List<XElement> Markers(XElement svg) =>
        svg.Descendants(Svg + "circle").Where(c => (string?)c.Attribute("class") == "event-marker").ToList();

    private static XElement? Moment(XElement svg, string key) =>
        svg.Descendants(Svg + "g").SingleOrDefault(g => (string?)g.Attribute("class") == $"moment {key}");

    [Fact]
    public async Task The_page_shows_every_summary_field_with_who_and_when()
    {
        var text = Html.Text(await Host.PageAsync(PathOf(fixture.Checkout)));

        string[] expected =
        [
            "SEV2 INC-1: Checkout returns 502",
            "Status Resolved",
            "Severity SEV2",
            "Commander Alice Ng",
            "Channel slack · C1 (workspace T1)",
            "Time zone Europe/Berlin",
            $"Impact began {Placeholders.ImpactStart}",
            "Detected Tue, Mar 17, 2026, 11:00 CET by Bo Chen",
            "Declared Tue, Mar 17, 2026, 11:00 CET by Alice Ng",
            "Acknowledged Tue, Mar 17, 2026, 11:04 CET by Bo Chen",
            "Resolved Tue, Mar 17, 2026, 11:50 CET by Alice Ng",
            "Duration 50 minutes (from Mar 17, 2026 11:00 Europe/Berlin (CET))",
            "MTTA 4 minutes",
            "Time to root cause 12 minutes (the first entry tagged root cause)",
            "MTTR 50 minutes",
            "Time lost About 2 minutes went to one misleading path (maybe the CDN?).",
            "Detection method PagerDuty alert",
            "Impact Card payments failed at checkout",
            "Users affected 18%",
            "Root cause Database pool too small after 2.14.3",
            "Resolution Rolled back to 2.14.2",
            "Improvements Validate pool settings in CI",
            "Tasks Add a pool-wait alert (owner: dana)",
        ];
        Assert.All(expected, e => Assert.Contains(e, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Facts_not_recorded_show_the_command_that_records_them()
    {
        var text = Html.Text(await Host.PageAsync(PathOf(fixture.Search)));

        TextAssert.ContainsAll(
            text,
            $"Impact {Placeholders.Impact}",
            $"Root cause {Placeholders.RootCause}",
            $"Tasks {Placeholders.Tasks}",
            "Resolved not resolved yet",
            "MTTR ongoing");
        // Phases and time lost that are not known are left out, not shown as placeholders.
        TextAssert.ContainsNone(text, "Time to detect", "Time to root cause", "Time lost");
        Assert.Contains("Status Ongoing (acknowledged)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_links_the_postmortem_editor_and_both_downloads()
    {
        var html = await Host.PageAsync(PathOf(fixture.Checkout));

        Assert.Contains("href=\"/incidents/slack%3AT1%3A1/postmortem\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/incidents/slack%3AT1%3A1/postmortem.md\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/incidents/slack%3AT1%3A1/postmortem.html\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeline_lists_kept_entries_in_order_with_tags_and_authors_and_hides_deleted_ones()
    {
        var html = await Host.PageAsync(PathOf(fixture.Checkout));

        var entries = Html.Entries(html);
        var messages = entries.Select(e => e.Id).Where(id => id.StartsWith('m')).ToList();
        Assert.Equal(["m1", "m2", "m3", "m5", "m6", "m7"], messages);
        Assert.DoesNotContain("oops, wrong channel", html, StringComparison.Ordinal);
        Assert.Contains("1 deleted message is hidden.", html, StringComparison.Ordinal);
        var times = entries.Select(e => System.Text.RegularExpressions.Regex.Match(e.Html, "datetime=\"([^\"]+)\"").Groups[1].Value).ToList();
        Assert.Equal(times.Order(StringComparer.Ordinal), times);

        var detection = entries.Single(e => e.Id == "m1").Html;
        Assert.Contains("data-tag=\"detection\"", detection, StringComparison.Ordinal);
        Assert.Equal("11:01 Detection Bo Chen 5xx alert firing on checkout", Html.Text(detection));
        Assert.Contains("data-tag=\"root-cause\"", entries.Single(e => e.Id == "m5").Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-tag", entries.Single(e => e.Id == "m7").Html, StringComparison.Ordinal);
        Assert.Contains(entries, e => e.Html.Contains("Acknowledged by Bo Chen", StringComparison.Ordinal) && Html.Text(e.Html).Contains("command", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_edited_entry_shows_its_final_text_marked_edited_with_the_earlier_text()
    {
        var html = await Host.PageAsync(PathOf(fixture.Checkout));

        var edited = Html.Entries(html).Single(e => e.Id == "m3").Html;
        Assert.Contains("<span class=\"entry-text\">rolling back payments-api to 2.14.2</span>", edited, StringComparison.Ordinal);
        Assert.Contains("<summary>(edited)</summary>", edited, StringComparison.Ordinal);
        Assert.Contains("until Tue, Mar 17, 2026, 11:09:00 CET: rolling back", Html.Text(edited), StringComparison.Ordinal);
        Assert.DoesNotContain("(edited)", Html.Entries(html).Single(e => e.Id == "m1").Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_http_permalinks_become_links()
    {
        var entries = Html.Entries(await Host.PageAsync(PathOf(fixture.Checkout)));

        Assert.Contains($"<a class=\"permalink\" href=\"{DashboardFixture.SlackPermalink}\"", entries.Single(e => e.Id == "m5").Html, StringComparison.Ordinal);
        var scripted = entries.Single(e => e.Id == "m6").Html;
        Assert.DoesNotContain("<a", scripted, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", scripted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_diagram_is_inline_svg_with_a_marker_per_tagged_event_and_the_acknowledge_and_resolve_lines()
    {
        var html = await Host.PageAsync(PathOf(fixture.Checkout));
        var timeline = await Host.Store.GetTimelineAsync(fixture.Checkout.Id, CancellationToken.None);
        var diagram = PostmortemDraft.Build(fixture.Checkout, timeline).Diagram;

        var svg = Assert.Single(Html.Svgs(html));

        var markers = Markers(svg);
        Assert.Equal(diagram.Events.Select(e => KindColours.Key(e.Tags)), markers.Select(m => (string)m.Attribute("data-kind")!));
        Assert.Equal(diagram.Events.Select(e => KindColours.Of(e.Tags)), markers.Select(m => (string)m.Attribute("fill")!));
        Assert.Subset(markers.Select(m => (string)m.Attribute("data-kind")!).ToHashSet(), new HashSet<string> { "detection", "misleading", "action", "root-cause" });
        Assert.Equal("Acknowledged 11:04", Moment(svg, "acknowledged")?.Element(Svg + "text")?.Value);
        Assert.Equal("Resolved 11:50", Moment(svg, "resolved")?.Element(Svg + "text")?.Value);
        Assert.Equal("Timeline of INC-1: Checkout returns 502", svg.Element(Svg + "title")!.Value);
    }

    [Fact]
    public async Task An_open_incident_has_no_resolve_line()
    {
        var svg = Assert.Single(Html.Svgs(await Host.PageAsync(PathOf(fixture.Search))));

        Assert.NotNull(Moment(svg, "acknowledged"));
        Assert.Null(Moment(svg, "resolved"));
        Assert.Null(Moment(Assert.Single(Html.Svgs(await Host.PageAsync(PathOf(fixture.Login)))), "acknowledged"));
    }

    [Fact]
    public async Task A_four_minute_incident_shows_its_times_to_the_second_so_they_read_apart()
    {
        // Its own channel in this class's own fixture: the other tests here read other incidents.
        var c = new ChannelRef(ChatPlatform.Web, "sandbox", "blip");
        var t = DashboardFixture.Now.AddHours(-1).AddSeconds(12);
        await Host.RunAsync(c, DashboardFixture.Alice, "start Cache flush blip", t);
        await Host.SayAsync(c, "b1", DashboardFixture.Bo, "hit rate is zero", t.AddSeconds(30));
        await Host.RunAsync(c, DashboardFixture.Bo, "ack", t.AddSeconds(20));
        var blip = (await Host.RunAsync(c, DashboardFixture.Alice, "resolve", t.AddMinutes(4).AddSeconds(18))).Incident!;

        var html = await Host.PageAsync(PathOf(blip));

        var text = Html.Text(html);
        TextAssert.ContainsAll(
            text,
            "Declared Fri, Mar 20, 2026, 12:00:12 CET by Alice Ng",
            "Acknowledged Fri, Mar 20, 2026, 12:00:32 CET by Bo Chen",
            "Resolved Fri, Mar 20, 2026, 12:04:30 CET by Alice Ng",
            "(from Mar 20, 2026 12:00:12 Europe/Berlin (CET))");
        Assert.StartsWith("12:00:42 ", Html.Text(Html.Entries(html).Single(e => e.Id == "b1").Html), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/incidents/slack%3AT1%3A999")]
    [InlineData("/incidents/nope")]
    public async Task An_unknown_incident_is_404_with_a_way_back(string path)
    {
        var (status, html) = await Host.GetPageAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Incident not found", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">Back to the incidents</a>", html, StringComparison.Ordinal);
        Assert.Empty(Html.Svgs(html));
    }
}
