using System.Diagnostics.CodeAnalysis;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Metrics;
using ScribeBot.Core.Text;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Postmortem;

/// <summary>
/// Builds the postmortem draft of an incident from the incident and its stored entries. Pure: the same input
/// gives the same document, and nothing is invented; a fact the bot does not have becomes a visible placeholder.
/// </summary>
[SuppressMessage("Performance", "CA1822:Mark members as static",
    Justification = "An instance service, so the command executor can take it by injection and tests can swap it.")]
public sealed class PostmortemBuilder
{
    public const string IssueSummaryHeading = "Issue Summary";
    public const string TimelineHeading = "Timeline";
    public const string RootCauseHeading = "Root Cause and Resolution";
    public const string MeasuresHeading = "Corrective and Preventative Measures";

    /// <summary>
    /// Builds the draft. <paramref name="entries"/> are all stored entries of the incident in time order, deleted
    /// ones included (they are left out here), with edits already applied to their text. The dashboard's history
    /// entries (<see cref="PostmortemHistory"/>) are left out too: they record who finished the draft, not what happened.
    /// </summary>
    public PostmortemDocument Build(Incident incident, IReadOnlyList<TimelineEntry> entries)
    {
        entries = WithoutHistory(entries);
        var clock = IncidentClock.For(incident.TimeZoneId);
        var warnings = OrderCheck.Find(incident, clock);
        var items = TimelineItems(incident, entries, clock);

        PostmortemSection[] sections =
        [
            IssueSummary(incident, FirstDetection(entries), warnings, clock),
            new(TimelineHeading, [TimelineBlockOf(items, clock)]),
            RootCauseAndResolution(incident, entries, clock),
            Measures(incident),
        ];

        return new PostmortemDocument(
            $"{incident.DisplayId}: {incident.Title}",
            Meta(incident, clock),
            warnings,
            new WordCount(WordCounter.Count(sections)),
            sections,
            Diagram(incident, items, clock),
            TranscriptOf(entries, clock));
    }

    /// <summary>
    /// Just the Timeline section, for the <c>timeline</c> verb while the incident may still be open. Cheaper than
    /// <see cref="Build"/>: no transcript, no diagram.
    /// </summary>
    public PostmortemSection BuildTimeline(Incident incident, IReadOnlyList<TimelineEntry> entries)
    {
        entries = WithoutHistory(entries);
        var clock = IncidentClock.For(incident.TimeZoneId);
        return new PostmortemSection(TimelineHeading, [TimelineBlockOf(TimelineItems(incident, entries, clock), clock)]);
    }

    // Copies only when there is something to drop: most incidents are never edited on the dashboard.
    private static IReadOnlyList<TimelineEntry> WithoutHistory(IReadOnlyList<TimelineEntry> entries) =>
        entries.Any(PostmortemHistory.IsHistory) ? entries.Where(e => !PostmortemHistory.IsHistory(e)).ToArray() : entries;

    private static ChatText Meta(Incident incident, IncidentClock clock)
    {
        var builder = new ChatTextBuilder()
            .Strong(incident.Severity.ToLabel())
            .Plain(" · ")
            .Strong(StatusName(incident));
        if (incident.ReopenCount > 0)
        {
            builder.Plain(incident.ReopenCount == 1 ? " (reopened once)" : $" (reopened {incident.ReopenCount} times)");
        }

        builder.Plain(" · Commander: ");
        if (incident.Commander is { } commander)
        {
            builder.Plain(commander.DisplayName);
        }
        else
        {
            builder.Placeholder(Placeholders.Commander);
        }

        builder.Plain($" · Times in {clock.ZoneId}");
        if (!clock.IsKnownZone)
        {
            builder.Plain(" ").Placeholder($"[time zone \"{incident.TimeZoneId}\" unknown, UTC shown - /incident tz <IANA id>]");
        }

        return builder.Build();
    }

    /// <summary>"SEV2 · Resolved · Times in Europe/Berlin": the line under a timeline's title, in every renderer.</summary>
    public static string TimelineStatusLine(Incident incident) =>
        $"{incident.Severity.ToLabel()} · {StatusName(incident)} · Times in {incident.TimeZoneId}";

    /// <summary>"Resolved", "Ongoing (acknowledged)" or "Ongoing (not acknowledged)".</summary>
    public static string StatusName(Incident incident) => incident.Status switch
    {
        IncidentStatus.Resolved => "Resolved",
        IncidentStatus.Acknowledged => "Ongoing (acknowledged)",
        _ => "Ongoing (not acknowledged)",
    };

    // ---- Issue Summary ----

    private static PostmortemSection IssueSummary(
        Incident incident, TimelineEntry? firstDetection, IReadOnlyList<OrderWarning> warnings, IncidentClock clock)
    {
        var items = new List<ChatText>(6)
        {
            DurationLine(incident, warnings, clock),
            new ChatTextBuilder().Strong("Impact:").Plain(" ").Fact(incident.Impact, Placeholders.Impact).Build(),
            new ChatTextBuilder().Strong("Users affected:").Plain(" ")
                .Fact(incident.UsersAffectedPercent is { } share ? $"{share:0.##}%" : null, Placeholders.UsersAffected).Build(),
            DetectionLine(incident, firstDetection, clock),
            new ChatTextBuilder().Strong("Root cause:").Plain(" ").Fact(incident.RootCause, Placeholders.RootCause).Build(),
            ResponseTimesLine(incident, warnings),
        };
        return new PostmortemSection(IssueSummaryHeading, [new BulletListBlock(items)]);
    }

    private static ChatText DurationLine(Incident incident, IReadOnlyList<OrderWarning> warnings, IncidentClock clock)
    {
        var start = IncidentDurations.OutageStart(incident);
        var startFact = incident.ImpactBegan is not null ? IncidentFact.ImpactBegan
            : incident.Detected is not null ? IncidentFact.Detected
            : IncidentFact.Declared;
        var builder = new ChatTextBuilder().Strong("Duration:").Plain(" ");

        if (incident.Resolved is not { } resolved)
        {
            builder.Strong("ongoing").Plain($" - started {clock.DayAndTime(start)} {clock.ZoneLabel(start)}, not resolved yet.");
        }
        else
        {
            var end = resolved.At;
            var span = clock.LocalDate(start) == clock.LocalDate(end)
                ? $"from {clock.Time(start)} to {clock.Time(end)} {clock.ZoneLabel(start, end)} on {IncidentClock.Day(clock.LocalDate(start))}"
                : $"from {clock.DayAndTime(start)} to {clock.DayAndTime(end)} {clock.ZoneLabel(start, end)}";
            if (OrderCheck.Spoils(warnings, startFact, IncidentFact.Resolved))
            {
                builder.Placeholder("[not stated: the recorded times are in an impossible order, see the warning above]")
                    .Plain($" Recorded {span}.");
            }
            else
            {
                builder.Plain($"{DurationText.Humanize(end - start)}, {span}.");
            }
        }

        switch (startFact)
        {
            case IncidentFact.ImpactBegan:
                builder.Plain(" Measured from when impact began.");
                break;
            case IncidentFact.Detected:
                builder.Plain(" Measured from detection; ").Placeholder(Placeholders.ImpactStart);
                break;
            default:
                builder.Plain(" Measured from the declaration; ").Placeholder(Placeholders.ImpactStart);
                break;
        }

        return builder.Build();
    }

    // The same rule as the timeline's Detected line: the recorded time, else the first detection-tagged message.
    private static ChatText DetectionLine(Incident incident, TimelineEntry? firstDetection, IncidentClock clock)
    {
        var builder = new ChatTextBuilder().Strong("Detection:").Plain(" ").Fact(incident.DetectionMethod, Placeholders.DetectionMethod);
        if (incident.Detected is { } detected)
        {
            builder.Plain($", at {clock.Time(detected.At)}.");
        }
        else if (firstDetection is not null)
        {
            builder.Plain($", at {clock.Time(firstDetection.At)} (the first message tagged as detection).");
        }
        else
        {
            builder.Plain(" ").Placeholder(Placeholders.DetectionTime);
        }

        return builder.Build();
    }

    private static ChatText ResponseTimesLine(Incident incident, IReadOnlyList<OrderWarning> warnings)
    {
        var builder = new ChatTextBuilder().Strong("Time to acknowledge (MTTA):").Plain(" ");
        if (IncidentDurations.TimeToAcknowledge(incident) is not { } mtta)
        {
            builder.Placeholder(Placeholders.Acknowledged);
        }
        else if (OrderCheck.Spoils(warnings, IncidentFact.Declared, IncidentFact.Acknowledged))
        {
            builder.Placeholder("[not stated: impossible order]");
        }
        else
        {
            builder.Plain(DurationText.Humanize(mtta));
        }

        builder.Plain("; ").Strong("time to resolve (MTTR):").Plain(" ");
        if (IncidentDurations.TimeToResolve(incident) is not { } mttr)
        {
            builder.Strong("ongoing");
        }
        else if (OrderCheck.Spoils(warnings, IncidentFact.Declared, IncidentFact.Resolved))
        {
            builder.Placeholder("[not stated: impossible order]");
        }
        else
        {
            builder.Plain(DurationText.Humanize(mttr));
        }

        return builder.Plain(". Both are measured from the declaration.").Build();
    }

    // ---- Timeline ----

    private static List<TimelineItem> TimelineItems(Incident incident, IReadOnlyList<TimelineEntry> entries, IncidentClock clock)
    {
        var milestones = Milestones(incident, FirstDetection(entries));

        // The command that set a milestone (start, ack, detected, began, resolve) is not a line of its own: the
        // milestone line stands for it and takes its permalink. Milestones name their command's request; one without
        // (set outside a command) falls back to a command entry at its instant by the person who marked it.
        var links = new string?[milestones.Count];
        var items = new List<TimelineItem>(milestones.Count + 32);
        var fromEntries = new List<TimelineItem>();
        foreach (var entry in entries)
        {
            if (entry.Deleted || (entry.Source != EntrySource.Command && entry.Marks.Count == 0))
            {
                continue;
            }

            if (entry.Source == EntrySource.Command)
            {
                var index = milestones.FindIndex(m => m.RequestId is { } requestId
                    ? requestId == entry.MessageId
                    : m.At == entry.At && m.By?.Id == entry.Author.Id);
                if (index >= 0)
                {
                    links[index] ??= entry.Permalink;
                    continue;
                }
            }

            var tags = entry.Tags;
            fromEntries.Add(new TimelineItem(
                entry.At,
                clock.Time(entry.At),
                tags.Count == 0 ? "Change" : string.Join(" / ", tags.Select(KindName)),
                entry.Source == EntrySource.Command ? TimelineItemOrigin.Command : TimelineItemOrigin.Message,
                tags,
                entry.Author,
                TimelineText(entry),
                entry.Permalink));
        }

        for (var i = 0; i < milestones.Count; i++)
        {
            var m = milestones[i];
            items.Add(new TimelineItem(m.At, clock.Time(m.At), m.Kind, TimelineItemOrigin.Milestone, [], m.By, m.Text, links[i]));
        }

        items.AddRange(fromEntries);

        // Stable: at equal instants milestones come first, in lifecycle order, then entries in stored order.
        var sorted = items.OrderBy(i => i.At).ToList();

        // Across a DST change "02:30" alone is ambiguous, so every label then carries the zone abbreviation.
        if (sorted.Count > 1 && sorted.Select(i => clock.Zone.GetUtcOffset(i.At)).Distinct().Skip(1).Any())
        {
            for (var i = 0; i < sorted.Count; i++)
            {
                sorted[i] = sorted[i] with { TimeLabel = $"{sorted[i].TimeLabel} {clock.Abbreviation(sorted[i].At)}" };
            }
        }

        return sorted;
    }

    private sealed record MilestoneLine(DateTimeOffset At, string Kind, Person? By, ChatText Text, string? RequestId = null);

    // The rootcause command sets a field that has its own section; its timeline line marks the moment the cause was
    // found and points there rather than repeating the paragraph a third time.
    private static ChatText TimelineText(TimelineEntry entry) =>
        entry.Source == EntrySource.Command && entry.Has(TimelineTag.RootCause)
            ? ChatText.Of($"Root cause identified (see {RootCauseHeading})")
            : ChatText.Of(entry.Text);

    private static TimelineEntry? FirstDetection(IReadOnlyList<TimelineEntry> entries) =>
        entries.FirstOrDefault(e => !e.Deleted && e.Has(TimelineTag.Detection));

    private static List<MilestoneLine> Milestones(Incident incident, TimelineEntry? firstDetection)
    {
        var lines = new List<MilestoneLine>(5);
        if (incident.ImpactBegan is { } began)
        {
            lines.Add(new(began.At, "Impact began", began.By, ChatText.Of("customer impact began"), began.RequestId));
        }

        // The timeline must always show detection: the recorded time, else the first detection-tagged message,
        // else the declaration with a placeholder saying so.
        var detection = new ChatTextBuilder().Fact(incident.DetectionMethod, Placeholders.DetectionMethod);
        if (incident.Detected is { } detected)
        {
            lines.Add(new(detected.At, "Detected", detected.By, detection.Build(), detected.RequestId));
        }
        else if (firstDetection is not null)
        {
            lines.Add(new(firstDetection.At, "Detected", null,
                detection.Plain(" (time of the first message tagged as detection)").Build()));
        }
        else
        {
            lines.Add(new(incident.Declared.At, "Detected", null, detection.Plain(" ").Placeholder(Placeholders.DetectionTime).Build()));
        }

        lines.Add(new(incident.Declared.At, "Declared", incident.Declared.By,
            ChatText.Of($"incident declared: {incident.Title}"), incident.Declared.RequestId));
        if (incident.Acknowledged is { } ack)
        {
            lines.Add(new(ack.At, "Acknowledged", ack.By, ChatText.Of("incident acknowledged"), ack.RequestId));
        }

        if (incident.Resolved is { } resolved)
        {
            lines.Add(new(resolved.At, "Resolved", resolved.By, ChatText.Of("incident resolved"), resolved.RequestId));
        }

        return lines;
    }

    /// <summary>How a tag is named where people read it: <c>Root cause</c>, <c>Key event</c>...</summary>
    public static string KindName(TimelineTag tag) => tag switch
    {
        TimelineTag.Detection => "Detection",
        TimelineTag.Action => "Action",
        TimelineTag.Misleading => "Misleading",
        TimelineTag.Escalation => "Escalation",
        TimelineTag.RootCause => "Root cause",
        TimelineTag.Resolution => "Resolution",
        TimelineTag.KeyEvent => "Key event",
        TimelineTag.Note => "Note",
        _ => tag.ToString(),
    };

    private static TimelineBlock TimelineBlockOf(List<TimelineItem> items, IncidentClock clock)
    {
        var days = new List<TimelineDay>();
        var multiDay = items.Count > 0 && clock.LocalDate(items[0].At) != clock.LocalDate(items[^1].At);
        var start = 0;
        for (var i = 1; i <= items.Count; i++)
        {
            if (i < items.Count && clock.LocalDate(items[i].At) == clock.LocalDate(items[start].At))
            {
                continue;
            }

            var date = clock.LocalDate(items[start].At);
            days.Add(new TimelineDay(date, multiDay ? IncidentClock.Day(date) : null, items.GetRange(start, i - start)));
            start = i;
        }

        return new TimelineBlock(days);
    }

    // ---- Root Cause and Resolution ----

    private static PostmortemSection RootCauseAndResolution(Incident incident, IReadOnlyList<TimelineEntry> entries, IncidentClock clock)
    {
        var blocks = new List<PostmortemBlock>
        {
            new ParagraphBlock(new ChatTextBuilder().Strong("Root cause:").Plain(" ").Fact(incident.RootCause, Placeholders.RootCause).Build()),
        };

        var resolution = new ChatTextBuilder().Strong("Resolution:").Plain(" ");
        if (incident.Resolution is { Length: > 0 } text)
        {
            resolution.Plain(text);
        }
        else if (incident.Resolved is null)
        {
            resolution.Strong("ongoing").Plain(" - the incident is not resolved yet. ").Placeholder(Placeholders.Resolution);
        }
        else
        {
            resolution.Placeholder(Placeholders.Resolution);
        }

        blocks.Add(new ParagraphBlock(resolution.Build()));

        var evidence = entries
            // Chat messages only: a command's entry restates the paragraph above and is already in the timeline.
            .Where(e => !e.Deleted && e.Source == EntrySource.Message && (e.Has(TimelineTag.RootCause) || e.Has(TimelineTag.Resolution)))
            .Select(e =>
            {
                var line = new ChatTextBuilder()
                    .Plain($"{clock.Time(e.At)} - ")
                    .Strong(e.Has(TimelineTag.RootCause) ? "Root cause" : "Resolution")
                    .Plain($" - {e.Author.DisplayName}: ")
                    .Plain(e.Text);
                if (e.Permalink is { } link)
                {
                    line.Plain(" (").Link("message", link).Plain(")");
                }

                return line.Build();
            })
            .ToList();
        if (evidence.Count > 0)
        {
            blocks.Add(new SubheadingBlock("Supporting messages"));
            blocks.Add(new BulletListBlock(evidence));
        }

        return new PostmortemSection(RootCauseHeading, blocks);
    }

    // ---- Corrective and Preventative Measures ----

    private static PostmortemSection Measures(Incident incident)
    {
        var blocks = new List<PostmortemBlock> { new SubheadingBlock("Broad improvements") };
        blocks.Add(incident.Improvements.Count > 0
            ? new BulletListBlock(incident.Improvements.Select(ChatText.Of).ToList())
            : new ParagraphBlock(new ChatTextBuilder().Placeholder(Placeholders.Improvements).Build()));

        blocks.Add(new SubheadingBlock("Tasks"));
        if (incident.Tasks.Count == 0)
        {
            blocks.Add(new ParagraphBlock(new ChatTextBuilder().Placeholder(Placeholders.Tasks).Build()));
        }
        else
        {
            var tasks = incident.Tasks
                .Select(t => new ChatTextBuilder().Plain(t.Text).Plain(" (owner: ").Fact(t.Owner, Placeholders.Owner).Plain(")").Build())
                .ToList();
            blocks.Add(new BulletListBlock(tasks, Checkboxes: true));
        }

        return new PostmortemSection(MeasuresHeading, blocks);
    }

    // ---- Diagram ----

    private static PostmortemDiagram Diagram(Incident incident, List<TimelineItem> items, IncidentClock clock)
    {
        var facts = OrderCheck.KnownFacts(incident);
        var phases = new List<DiagramPhase>(4);
        for (var i = 1; i < facts.Count; i++)
        {
            var (from, fromAt) = facts[i - 1];
            var (to, toAt) = facts[i];
            if (toAt > fromAt)
            {
                phases.Add(new DiagramPhase($"{Capitalised(OrderCheck.Name(from))} to {OrderCheck.Name(to)}", clock.Local(fromAt), clock.Local(toAt), Ongoing: false));
            }
        }

        if (incident.Resolved is null && items.Count > 0)
        {
            var (last, lastAt) = facts[^1];
            var latest = items.Max(i => i.At);
            if (latest > lastAt)
            {
                phases.Add(new DiagramPhase($"{Capitalised(OrderCheck.Name(last))}, ongoing", clock.Local(lastAt), clock.Local(latest), Ongoing: true));
            }
        }

        var events = items
            .Where(i => i.Origin != TimelineItemOrigin.Milestone)
            .Select(i => new DiagramEvent(i.Kind, $"{i.Author?.DisplayName} - {i.Text.ToPlainString()}", clock.Local(i.At)) { Tags = i.Tags })
            .ToList();
        return new PostmortemDiagram($"{incident.DisplayId}: {incident.Title}", phases, events);
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    // ---- Transcript ----

    private static Transcript TranscriptOf(IReadOnlyList<TimelineEntry> entries, IncidentClock clock)
    {
        // Replies are grouped under their parent (one pass to index, one to emit: linear in the entry count).
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!entry.Deleted)
            {
                kept.Add(entry.MessageId);
            }
        }

        var replies = new Dictionary<string, List<TimelineEntry>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!entry.Deleted && IsReplyTo(entry, kept) is { } parent)
            {
                if (!replies.TryGetValue(parent, out var list))
                {
                    replies[parent] = list = [];
                }

                list.Add(entry);
            }
        }

        var lines = new List<TranscriptLine>(kept.Count);
        DateOnly? first = null;
        var multiDay = false;
        foreach (var entry in entries)
        {
            if (entry.Deleted || IsReplyTo(entry, kept) is not null)
            {
                continue;
            }

            var date = clock.LocalDate(entry.At);
            first ??= date;
            multiDay |= date != first;
            lines.Add(Line(entry, date, clock.Time(entry.At), isReply: false));
            if (replies.TryGetValue(entry.MessageId, out var thread))
            {
                foreach (var reply in thread)
                {
                    var replyDate = clock.LocalDate(reply.At);
                    var label = replyDate == date ? clock.Time(reply.At) : $"{IncidentClock.ShortDay(replyDate)} {clock.Time(reply.At)}";
                    lines.Add(Line(reply, replyDate, label, isReply: true));
                }
            }
        }

        return new Transcript(lines, multiDay);

        static TranscriptLine Line(TimelineEntry e, DateOnly date, string label, bool isReply) =>
            new(e.At, date, label, e.Author, e.Text, e.IsEdited, isReply, e.Permalink);
    }

    /// <summary>The parent's id when <paramref name="entry"/> replies in a thread whose parent is kept.</summary>
    private static string? IsReplyTo(TimelineEntry entry, HashSet<string> kept) =>
        entry.ThreadId is { } thread && thread != entry.MessageId && kept.Contains(thread) ? thread : null;
}
