using ScribeBot.Core.Facts;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Paging;
using ScribeBot.Core.Metrics;
using ScribeBot.Core.Text;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Postmortem;

/// <summary>
/// A short status summary of an incident, for the <c>status</c> verb: one fact per line, the order problems and the
/// missing facts each a group of their own (<see cref="ChatTextLayout"/>).
/// </summary>
public static class IncidentSummary
{
    /// <summary>
    /// Number, title, severity, status, commander; elapsed time (since declared, or until resolved), MTTA and MTTR;
    /// counts of tagged events; order problems; and the facts still missing, as placeholders naming their command.
    /// </summary>
    public static ChatText Build(Incident incident, IReadOnlyList<TimelineEntry> entries, DateTimeOffset now)
    {
        var clock = IncidentClock.For(incident);
        var builder = Header(new ChatTextBuilder(), incident, clock, now);
        var warnings = OrderCheck.Find(incident, clock);

        // One fact per line (issue 15, item 4): a reader scans the labels down the left edge.
        var times = incident.GetResponseTimes();
        builder.Plain("MTTA: ");
        if (times.ToAcknowledge is { } mtta)
        {
            builder.Plain(DurationText.Humanize(mtta));
        }
        else
        {
            builder.Placeholder(Placeholders.Acknowledged);
        }

        builder.EndLine().Plain("MTTR: ").Plain(times.ToResolve is { } mttr ? DurationText.Humanize(mttr) : "ongoing");
        if (times.Page is { } page)
        {
            builder.EndLine().Plain($"Clock: from the {page.Source.ToLabel()} page at {clock.DayAndTime(page.TriggeredAt)} {clock.ZoneLabel(page.TriggeredAt)}");
        }

        builder
            .EndLine().Plain("Tagged: ").Plain(TagCounts(entries));

        // Follow-up issues as last read: how much prevention work is still open (issue 19).
        var issues = incident.Tasks.Concat(incident.RemovedTasks).Count(t => t.Followup is not null);
        if (issues > 0)
        {
            builder.EndLine().Plain($"Follow-ups: {incident.OpenFollowups} of {issues} open");
        }

        if (warnings.Count > 0)
        {
            builder.EndGroup();
            for (var i = 0; i < warnings.Count; i++)
            {
                if (i > 0)
                {
                    builder.EndLine();
                }

                foreach (var run in warnings[i].Message.Runs)
                {
                    builder.Plain(run.Text);
                }
            }
        }

        var missing = Missing(IncidentFacts.Of(incident, entries));
        if (missing.Count > 0)
        {
            builder.EndGroup().Plain("Missing:");
            foreach (var fact in missing)
            {
                builder.EndLine().Placeholder(fact);
            }
        }

        return builder.Build();
    }

    /// <summary>
    /// The lines <c>status</c> and <c>catchup</c> both open with: number and title, severity and status, commander,
    /// and how long the incident has run (or when it ran).
    /// </summary>
    internal static ChatTextBuilder Header(ChatTextBuilder builder, Incident incident, IncidentClock clock, DateTimeOffset now)
    {
        var declared = incident.Declared.At;
        builder
            .Strong($"{incident.DisplayId}: {incident.Title}")
            .Plain($" - {incident.Severity.ToLabel()}, {incident.Status.ToLabel().ToLowerInvariant()}").EndLine()
            .Plain("Commander: ").Fact(incident.Commander?.DisplayName, Placeholders.Commander).EndLine();
        if (incident.Resolved is { } resolved)
        {
            return builder.Plain($"Declared {clock.DayAndTime(declared)}, resolved {clock.DayAndTime(resolved.At)} {clock.ZoneLabel(declared, resolved.At)}.").EndLine();
        }

        var elapsed = now - declared;
        return builder.Plain($"Open for {(elapsed < TimeSpan.Zero ? "0 seconds" : DurationText.Humanize(elapsed))}, ")
            .Plain($"since {clock.DayAndTime(declared)} {clock.ZoneLabel(declared)}.").EndLine();
    }

    private static string TagCounts(IReadOnlyList<TimelineEntry> entries)
    {
        var counts = new int[Enum.GetValues<TimelineTag>().Length];
        foreach (var entry in entries)
        {
            if (entry.Deleted || entry.Marks.Count == 0)
            {
                continue;
            }

            foreach (var tag in entry.Tags)
            {
                counts[(int)tag]++;
            }
        }

        var parts = Enum.GetValues<TimelineTag>()
            .Where(t => counts[(int)t] > 0)
            .Select(t => $"{t.ToLabel().ToLowerInvariant()} {counts[(int)t]}")
            .ToList();
        return parts.Count == 0 ? "no tagged events yet" : string.Join(", ", parts);
    }

    /// <summary>The placeholders of the facts the draft still lacks, in the order the draft asks for them.</summary>
    internal static List<string> Missing(IncidentFacts facts)
    {
        var incident = facts.Incident;
        var missing = new List<string>();
        if (!facts.Detection.IsKnown)
        {
            missing.Add(Placeholders.DetectionTime);
        }

        if (string.IsNullOrWhiteSpace(incident.DetectionMethod))
        {
            missing.Add(Placeholders.DetectionMethod);
        }

        if (string.IsNullOrWhiteSpace(incident.Impact))
        {
            missing.Add(Placeholders.Impact);
        }

        if (incident.UsersAffectedPercent is null)
        {
            missing.Add(Placeholders.UsersAffected);
        }

        if (string.IsNullOrWhiteSpace(incident.RootCause))
        {
            missing.Add(Placeholders.RootCause);
        }

        if (incident.Resolved is not null && string.IsNullOrWhiteSpace(incident.Resolution))
        {
            missing.Add(Placeholders.Resolution);
        }

        return missing;
    }
}
