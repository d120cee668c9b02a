namespace ScribeBot.Tests.Pictures;

public sealed class TimelineSvgTests
{
    private static readonly XNamespace Svg = SvgWriter.Namespace;
    private static readonly DateTimeOffset Declared = new(2026, 3, 2, 13, 10, 0, TimeSpan.Zero);
    private static readonly Person Alice = new("U1", "Alice Ng");
    private static readonly Person Bo = new("U2", "Bo Chen");
    private static readonly IncidentClock Berlin = IncidentClock.For("Europe/Berlin");

    private static DiagramEvent Event(int minutes, string kind, params TimelineTag[] tags) =>
        new(kind, $"Bo Chen - event at +{minutes}", Declared.AddMinutes(minutes)) { Tags = tags };

    private static TimelineChart Chart(
        IReadOnlyList<DiagramEvent>? events = null, Milestone? ack = null, Milestone? resolved = null, string title = "INC-7: Checkout 502",
        IReadOnlyList<DiagramPhase>? phases = null) =>
        new(title, Berlin, phases ?? [], events ?? [], Declared, ack, resolved);

    private static XElement Parse(string svg) => XDocument.Parse(svg).Root!;

    private static List<XElement> Markers(XElement root) =>
        root.Descendants(Svg + "circle").Where(c => (string?)c.Attribute("class") == "event-marker").ToList();

    private static XElement? Moment(XElement root, string key) =>
        root.Descendants(Svg + "g").SingleOrDefault(g => (string?)g.Attribute("class") == $"moment {key}");

    [Fact]
    public void Output_is_a_well_formed_svg_with_a_fixed_view_box_and_an_accessible_title_and_description()
    {
        var root = Parse(TimelineSvg.Render(Chart([Event(3, "Detection", TimelineTag.Detection)]), "tl"));

        Assert.Equal(Svg + "svg", root.Name);
        Assert.StartsWith("0 0 960 ", (string?)root.Attribute("viewBox"), StringComparison.Ordinal);
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal("tl-title tl-desc", (string?)root.Attribute("aria-labelledby"));
        Assert.Equal("Timeline of INC-7: Checkout 502", root.Element(Svg + "title")!.Value);
        Assert.Equal("tl-title", (string?)root.Element(Svg + "title")!.Attribute("id"));
        Assert.Contains("1 events: 1 detection", root.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_event_gets_one_marker_in_the_colour_of_its_first_kind()
    {
        DiagramEvent[] events =
        [
            Event(2, "Detection", TimelineTag.Detection),
            Event(5, "Misleading", TimelineTag.Misleading),
            Event(9, "Action / Resolution", TimelineTag.Action, TimelineTag.Resolution),
            Event(12, "Change"),
            Event(40, "Root cause", TimelineTag.RootCause),
        ];

        var markers = Markers(Parse(TimelineSvg.Render(Chart(events))));

        Assert.Equal(
            [
                ("detection", KindColours.Of(TimelineTag.Detection)),
                ("misleading", KindColours.Of(TimelineTag.Misleading)),
                ("action", KindColours.Of(TimelineTag.Action)),
                ("change", KindColours.ChangeColour),
                ("root-cause", KindColours.Of(TimelineTag.RootCause)),
            ],
            markers.Select(m => ((string)m.Attribute("data-kind")!, (string)m.Attribute("fill")!)));
        Assert.Equal(5, markers.Select(m => (string)m.Attribute("fill")!).Distinct().Count());
        var xs = markers.Select(m => double.Parse((string)m.Attribute("cx")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(xs.Order(), xs);
    }

    [Fact]
    public void Each_marker_says_its_time_kind_and_text_in_a_tooltip()
    {
        var root = Parse(TimelineSvg.Render(Chart([Event(3, "Action", TimelineTag.Action)])));

        var tooltip = root.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "event").Element(Svg + "title")!.Value;

        Assert.Equal("14:13 Action: Bo Chen - event at +3", tooltip);
    }

    [Fact]
    public void The_legend_names_each_kind_present_once_in_tag_order_with_its_colour()
    {
        DiagramEvent[] events =
        [
            Event(9, "Resolution", TimelineTag.Resolution),
            Event(2, "Action", TimelineTag.Action),
            Event(3, "Action", TimelineTag.Action),
            Event(4, "Change"),
        ];

        var legend = Parse(TimelineSvg.Render(Chart(events))).Descendants(Svg + "g")
            .Where(g => (string?)g.Attribute("class") == "legend-item")
            .Select(g => (g.Element(Svg + "text")!.Value, (string)g.Element(Svg + "circle")!.Attribute("fill")!))
            .ToList();

        Assert.Equal(
            [("Action", KindColours.Of(TimelineTag.Action)), ("Resolution", KindColours.Of(TimelineTag.Resolution)), ("Change", KindColours.ChangeColour)],
            legend);
    }

    [Fact]
    public void Acknowledge_and_resolve_moments_are_labelled_vertical_lines()
    {
        var root = Parse(TimelineSvg.Render(Chart(
            [Event(3, "Action", TimelineTag.Action)],
            ack: new Milestone(Declared.AddMinutes(4), Bo),
            resolved: new Milestone(Declared.AddMinutes(50), Alice))));

        var ack = Moment(root, "acknowledged");
        var resolved = Moment(root, "resolved");
        Assert.NotNull(ack);
        Assert.NotNull(resolved);
        var ackLine = ack.Element(Svg + "line")!;
        Assert.Equal((string?)ackLine.Attribute("x1"), (string?)ackLine.Attribute("x2"));
        Assert.Equal(TimelineSvg.AcknowledgedColour, (string?)ackLine.Attribute("stroke"));
        Assert.Equal("Acknowledged 14:14", ack.Element(Svg + "text")!.Value);
        Assert.Equal("Resolved 15:00", resolved.Element(Svg + "text")!.Value);
        Assert.Contains("by Bo Chen", ack.Element(Svg + "title")!.Value, StringComparison.Ordinal);
        Assert.True(
            double.Parse((string)resolved.Element(Svg + "line")!.Attribute("x1")!, System.Globalization.CultureInfo.InvariantCulture)
            > double.Parse((string)ackLine.Attribute("x1")!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void No_moment_lines_are_drawn_for_an_incident_neither_acknowledged_nor_resolved()
    {
        var root = Parse(TimelineSvg.Render(Chart([Event(3, "Action", TimelineTag.Action)])));

        Assert.Null(Moment(root, "acknowledged"));
        Assert.Null(Moment(root, "resolved"));
        Assert.Contains("Not acknowledged. Not resolved.", root.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Acknowledged_without_resolve_draws_only_the_acknowledge_line()
    {
        var root = Parse(TimelineSvg.Render(Chart(ack: new Milestone(Declared.AddMinutes(4), Bo))));

        Assert.NotNull(Moment(root, "acknowledged"));
        Assert.Null(Moment(root, "resolved"));
    }

    [Fact]
    public void Script_tags_ampersands_quotes_and_control_characters_in_user_text_are_escaped_or_dropped()
    {
        const string hostile = "<script>alert(\"x\")</script> & 'co'\u0001\uD800";
        var events = new[] { new DiagramEvent("Action", $"{hostile} said <img src=x onerror=alert(1)>", Declared.AddMinutes(1)) { Tags = [TimelineTag.Action] } };

        var svg = TimelineSvg.Render(Chart(events, title: $"INC-1: {hostile}",
            ack: new Milestone(Declared.AddMinutes(2), new Person("U9", "</text><script>bad()</script>"))));

        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;co&apos;", svg, StringComparison.Ordinal);
        var root = Parse(svg);
        Assert.Equal("Timeline of INC-1: <script>alert(\"x\")</script> & 'co'", root.Element(Svg + "title")!.Value);
        Assert.DoesNotContain(root.Descendants(), e => e.Name.LocalName is "script" or "img" or "foreignObject");
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        DiagramEvent[] events = [Event(2, "Detection", TimelineTag.Detection), Event(2, "Action", TimelineTag.Action), Event(30, "Note", TimelineTag.Note)];
        DiagramPhase[] phases = [new("Declared to acknowledged", Berlin.Local(Declared), Berlin.Local(Declared.AddMinutes(4)), false)];

        var first = TimelineSvg.Render(Chart(events, ack: new Milestone(Declared.AddMinutes(4), Bo), phases: phases));
        var second = TimelineSvg.Render(Chart([.. events], ack: new Milestone(Declared.AddMinutes(4), Bo), phases: [.. phases]));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Events_at_the_same_moment_stack_instead_of_hiding_each_other()
    {
        DiagramEvent[] events = [Event(5, "Action", TimelineTag.Action), Event(5, "Note", TimelineTag.Note), Event(5, "Misleading", TimelineTag.Misleading)];

        var markers = Markers(Parse(TimelineSvg.Render(Chart(events))));

        Assert.Equal(3, markers.Select(m => (string)m.Attribute("cy")!).Distinct().Count());
    }

    [Fact]
    public void Phases_are_bars_with_their_labels_and_an_ongoing_phase_is_dashed()
    {
        DiagramPhase[] phases =
        [
            new("Declared to acknowledged", Berlin.Local(Declared), Berlin.Local(Declared.AddMinutes(4)), false),
            new("Acknowledged, ongoing", Berlin.Local(Declared.AddMinutes(4)), Berlin.Local(Declared.AddMinutes(30)), true),
        ];

        var groups = Parse(TimelineSvg.Render(Chart(phases: phases))).Descendants(Svg + "g")
            .Where(g => ((string?)g.Attribute("class"))?.StartsWith("phase", StringComparison.Ordinal) == true && (string?)g.Attribute("class") != "phases")
            .ToList();

        Assert.Equal(["phase", "phase ongoing"], groups.Select(g => (string)g.Attribute("class")!));
        // Each bar says how long its phase lasted (issue 17: the phases as a bar with durations).
        Assert.Equal("Declared to acknowledged · 4m", groups[0].Element(Svg + "text")!.Value);
        Assert.Equal("Acknowledged, ongoing · 26m so far", groups[1].Element(Svg + "text")!.Value);
        Assert.Null(groups[0].Element(Svg + "rect")!.Attribute("stroke-dasharray"));
        Assert.NotNull(groups[1].Element(Svg + "rect")!.Attribute("stroke-dasharray"));
    }

    [Fact]
    public void The_axis_is_labelled_in_the_incidents_time_zone()
    {
        var root = Parse(TimelineSvg.Render(Chart([Event(50, "Action", TimelineTag.Action)])));

        var labels = root.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "axis").Elements(Svg + "text").Select(t => t.Value).ToList();

        // 13:10 UTC is 14:10 in Berlin in winter; the ticks fall on round local times.
        Assert.Contains("14:30", labels);
        Assert.All(labels, l => Assert.Matches(@"^\d\d:\d[05]$", l));
        Assert.Contains(root.Descendants(Svg + "text"), t => t.Value == "Times in Europe/Berlin (CET)");
    }

    [Fact]
    public void An_incident_without_tagged_events_says_so()
    {
        var root = Parse(TimelineSvg.Render(Chart()));

        Assert.Empty(Markers(root));
        Assert.Contains(root.Descendants(Svg + "text"), t => t.Value == "No tagged events yet");
    }

    [Fact]
    public void A_multi_day_axis_names_the_day_where_it_changes()
    {
        var root = Parse(TimelineSvg.Render(Chart([Event(60 * 30, "Action", TimelineTag.Action)])));

        var labels = root.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "axis").Elements(Svg + "text").Select(t => t.Value).ToList();

        Assert.Contains(labels, l => l.StartsWith("Mar 3", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_kind_present_gets_one_named_lane_in_tag_order_and_its_markers_sit_in_it()
    {
        DiagramEvent[] events =
        [
            Event(9, "Resolution", TimelineTag.Resolution),
            Event(2, "Detection", TimelineTag.Detection),
            Event(4, "Change"),
            Event(6, "Detection", TimelineTag.Detection),
        ];

        var root = Parse(TimelineSvg.Render(Chart(events)));

        var lanes = root.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "lane").ToList();
        Assert.Equal(["detection", "resolution", "change"], lanes.Select(l => (string)l.Attribute("data-kind")!));
        Assert.Equal(["Detection", "Resolution", "Change"], lanes.Select(l => l.Element(Svg + "text")!.Value));
        foreach (var lane in lanes)
        {
            var band = lane.Element(Svg + "rect")!;
            var top = double.Parse((string)band.Attribute("y")!, CultureInfo.InvariantCulture);
            var bottom = top + double.Parse((string)band.Attribute("height")!, CultureInfo.InvariantCulture);
            var inLane = Markers(root).Where(m => (string?)m.Attribute("data-kind") == (string?)lane.Attribute("data-kind")).ToList();
            Assert.NotEmpty(inLane);
            Assert.All(inLane, m => Assert.InRange(double.Parse((string)m.Attribute("cy")!, CultureInfo.InvariantCulture), top, bottom));
        }
    }

    [Fact]
    public void A_misleading_path_ends_in_a_dead_end_and_an_escalation_hands_off_with_an_arrow()
    {
        DiagramEvent[] events =
        [
            Event(2, "Misleading", TimelineTag.Misleading),
            Event(5, "Escalation", TimelineTag.Escalation),
            Event(8, "Action", TimelineTag.Action),
        ];

        var root = Parse(TimelineSvg.Render(Chart(events)));

        var drawn = root.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "event")
            .Select(g => (Kind: (string)g.Element(Svg + "circle")!.Attribute("data-kind")!, Glyph: (string?)g.Element(Svg + "g")?.Attribute("class")))
            .ToList();
        Assert.Equal([("misleading", "dead-end"), ("escalation", "hand-off"), ("action", null)], drawn);
        var legend = root.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "legend-item").Select(g => g.Element(Svg + "text")!.Value);
        Assert.Equal(["Action", "Misleading (dead end)", "Escalation (hand-off)"], legend);
    }

    [Fact]
    public void The_description_gives_each_phase_its_duration()
    {
        DiagramPhase[] phases = [new("Declared to acknowledged", Berlin.Local(Declared), Berlin.Local(Declared.AddMinutes(4)), false)];

        var description = TimelineSvg.Description(Chart(phases: phases));

        Assert.Contains("Phases: Declared to acknowledged, 4 minutes.", description, StringComparison.Ordinal);
    }
}
