using ScribeBot.Core.Channels;
using ScribeBot.Core.Facts;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Text;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Postmortem;

/// <summary>
/// The <c>catchup</c> answer, for whoever joins late: rules over the timeline, no guessing. One fact per line like
/// <see cref="IncidentSummary"/>, then one group each for the tagged events the caller missed, the escalations and the
/// facts the postmortem still lacks (docs/decisions.md, "Catch-up").
/// </summary>
public static class IncidentCatchup
{
    /// <summary>At most this many missed events are listed (the latest ones); the rest are counted.</summary>
    public const int MaxEvents = 10;

    /// <summary>At most this many escalations are listed (the latest ones); the rest are counted.</summary>
    public const int MaxEscalations = 5;

    /// <summary>How far back the missed events go for someone who has not spoken in the incident yet.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(1);

    /// <summary>The text every <c>update</c> entry starts with; the latest such entry is the latest update.</summary>
    internal const string UpdatePrefix = "Status update: ";

    private const int MaxLineText = 160;

    /// <param name="incident">The open incident, or the channel's latest one.</param>
    /// <param name="entries">Its whole timeline.</param>
    /// <param name="caller">Whose last word in the timeline starts the window.</param>
    /// <param name="requestId">The catch-up request's own message id: where the platform records the command as a
    /// message too, that is not the caller's last word.</param>
    /// <param name="now">For how long it has run, and the start of the default window.</param>
    public static ChatText Build(
        Incident incident, IReadOnlyList<TimelineEntry> entries, Person caller, string requestId, DateTimeOffset now)
    {
        var clock = IncidentClock.For(incident);
        var builder = IncidentSummary.Header(new ChatTextBuilder(), incident, clock, now);
        var kept = entries.Where(e => !e.Deleted).OrderBy(e => e.At).ToList();

        builder.Plain("Latest update: ");
        if (kept.LastOrDefault(IsUpdate) is { } update)
        {
            builder.Plain($"{update.Text[UpdatePrefix.Length..]} ({clock.Time(update.At)}, {update.Author.DisplayName})");
        }
        else
        {
            builder.Plain("none yet - /incident update <text>");
        }

        // The caller's last word counts even when they deleted it: they were in the channel then.
        var lastSpoke = entries
            .Where(e => e.Author.Id == caller.Id && e.MessageId != requestId)
            .Select(e => (DateTimeOffset?)e.At)
            .Max();
        var since = lastSpoke ?? now - DefaultWindow;
        // No upper bound: a platform's timestamp may run a little ahead of our clock, and what is stored has happened.
        var missed = kept.Where(e => e.At > since && e.Marks.Count > 0 && !e.Has(TimelineTag.Escalation)).ToList();
        Section(builder, lastSpoke is null ? "Tagged in the last hour" : $"Tagged since you last spoke at {clock.Time(since)}", missed.Count, "event");
        Lines(builder, missed, MaxEvents, clock, withTag: true);

        var escalations = kept.Where(e => e.Has(TimelineTag.Escalation)).ToList();
        Section(builder, "Escalations", escalations.Count, noun: null);
        Lines(builder, escalations, MaxEscalations, clock, withTag: false);

        var missing = IncidentSummary.Missing(IncidentFacts.Of(incident, entries));
        builder.EndGroup().Strong(missing.Count == 0 ? "The postmortem has every fact it asks for." : "The postmortem still lacks:");
        foreach (var fact in missing)
        {
            builder.EndLine().Placeholder(fact);
        }

        return builder.Build();
    }

    /// <summary>
    /// The one line a person who joins a channel with an open incident is shown:
    /// "INC-3 is open here: Checkout returns 502, SEV2, 40 minutes so far. /incident catchup for what you missed."
    /// </summary>
    public static ChatText Pointer(Incident incident, DateTimeOffset now)
    {
        var elapsed = now - incident.Declared.At;
        var minutes = elapsed < TimeSpan.FromMinutes(1) ? TimeSpan.Zero : TimeSpan.FromMinutes(Math.Floor(elapsed.TotalMinutes));
        var sofar = minutes == TimeSpan.Zero ? "just declared" : $"{DurationText.Humanize(minutes)} so far";
        return new ChatTextBuilder()
            .Strong($"{incident.DisplayId} is open here: ")
            .Plain($"{incident.Title}, {incident.Severity.ToLabel()}, {sofar}. ")
            .Code("/incident catchup").Plain(" for what you missed.")
            .Build();
    }

    private static bool IsUpdate(TimelineEntry entry) =>
        entry.Source == EntrySource.Command && entry.Has(TimelineTag.KeyEvent) && entry.Text.StartsWith(UpdatePrefix, StringComparison.Ordinal);

    // "Tagged in the last hour (2 events):" or "Escalations (2):" over its lines; "Escalations: none." with nothing under it.
    private static void Section(ChatTextBuilder builder, string header, int count, string? noun)
    {
        builder.EndGroup();
        if (count == 0)
        {
            builder.Strong($"{header}:").Plain(" none.");
        }
        else
        {
            builder.Strong($"{header} ({(noun is null ? count : Count(count, noun))}):");
        }
    }

    // The latest lines, oldest first; the ones left out are earlier, so the count of them comes first.
    private static void Lines(ChatTextBuilder builder, List<TimelineEntry> entries, int max, IncidentClock clock, bool withTag)
    {
        if (entries.Count > max)
        {
            builder.EndLine().Emphasis($"{Count(entries.Count - max, "earlier one")} not shown - /incident timeline posts them all.");
        }

        foreach (var entry in entries.Skip(Math.Max(0, entries.Count - max)))
        {
            builder.EndLine().Plain($"{clock.Time(entry.At)} - ");
            if (withTag && entry.Source == EntrySource.Message)
            {
                builder.Plain($"{string.Join(", ", entry.Tags.Select(t => t.ToLabel()))}: ");
            }

            var text = TextShortener.Shorten(entry.Text.ReplaceLineEndings(" "), MaxLineText);
            if (entry.Permalink is { Length: > 0 } link)
            {
                builder.Link(text, link);
            }
            else
            {
                builder.Plain(text);
            }

            builder.Plain($" ({entry.Author.DisplayName})");
        }
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
