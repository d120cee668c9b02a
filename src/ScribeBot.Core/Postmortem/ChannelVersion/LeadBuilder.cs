using ScribeBot.Core.Facts;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Text;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Postmortem.ChannelVersion;

/// <summary>
/// Builds the <see cref="PostmortemLead"/> from the same facts as the Issue Summary, so the two never disagree: the
/// impact (else the title) and the share of users, the outage's length as <see cref="Incident.GetResponseTimes"/>
/// measures it, and the root cause (else the first message tagged as root cause, said to be one).
/// </summary>
public static class LeadBuilder
{
    /// <summary>Longest user text quoted in a lead line; the rest is in the sections and the full draft.</summary>
    public const int MaxFactChars = 200;

    public static PostmortemLead Build(Incident incident, IReadOnlyList<TimelineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(entries);
        var clock = IncidentClock.For(incident);
        return new PostmortemLead(WhatBroke(incident), HowLong(IncidentFacts.Of(incident, entries), clock), Why(incident, entries));
    }

    private static ChatText WhatBroke(Incident incident)
    {
        var builder = new ChatTextBuilder().Strong("What broke:").Plain(" ");
        var text = string.IsNullOrWhiteSpace(incident.Impact) ? incident.Title : incident.Impact.Trim().TrimEnd('.');
        var line = builder.Build() + Quote(text);
        return incident.UsersAffectedPercent is { } share ? line + ChatText.Of($" ({share:0.##}% of users)") : line;
    }

    // The Issue Summary's own outage (IncidentFacts): from impact began, or what stands in for it, to when impact ended.
    private static ChatText HowLong(IncidentFacts facts, IncidentClock clock)
    {
        var builder = new ChatTextBuilder().Strong("For how long:").Plain(" ");
        var start = facts.ImpactStart;
        if (facts.Times.Outage is not { } outage)
        {
            return builder.Plain($"ongoing since {clock.DayAndTime(start.At)} {clock.ZoneLabel(start.At)}").Build();
        }

        if (outage.ImpossibleOrder)
        {
            return builder.Emphasis("not stated - the recorded times are in an impossible order").Build();
        }

        // The end is wherever the outage's measure puts it, so a change to that rule changes this line too.
        var end = start.At + outage.Value;
        var span = clock.LocalDate(start.At) == clock.LocalDate(end)
            ? $"{clock.Time(start.At)}-{clock.Time(end)} {clock.ZoneLabel(start.At, end)}"
            : $"{clock.DayAndTime(start.At)} to {clock.DayAndTime(end)} {clock.ZoneLabel(start.At, end)}";
        builder.Plain($"{DurationText.Humanize(outage.Value)}, {span}");
        return start.Fact switch
        {
            IncidentFact.ImpactBegan => builder.Build(),
            IncidentFact.Detected => builder.Plain(" (from detection; impact start not recorded)").Build(),
            _ => builder.Plain(" (from the declaration; impact start not recorded)").Build(),
        };
    }

    private static ChatText Why(Incident incident, IReadOnlyList<TimelineEntry> entries)
    {
        var builder = new ChatTextBuilder().Strong("Why:").Plain(" ");
        if (!string.IsNullOrWhiteSpace(incident.RootCause))
        {
            return builder.Build() + Quote(incident.RootCause);
        }

        var tagged = entries.FirstOrDefault(e => !e.Deleted && e.Source == EntrySource.Message && e.Has(TimelineTag.RootCause));
        if (tagged is not null)
        {
            return builder.Build() + Quote(tagged.Text)
                + new ChatTextBuilder().Plain(" ").Emphasis("(a message tagged as root cause; confirm with /incident rootcause <text>)").Build();
        }

        return builder.Emphasis("not yet known - tag a root cause or use /incident rootcause <text>").Build();
    }

    // One line each: a lead of three lines stays three lines whatever was pasted into the fact.
    private static ChatText Quote(string text) =>
        TextShortener.Shorten(ChatText.Of(text.ReplaceLineEndings(" ").Trim()), MaxFactChars);
}
