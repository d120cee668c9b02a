using ScribeBot.Core.Paging;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Incidents;

// When impact ended: recorded by /incident recovered, or by a page that resolved while the incident was open. A
// person's word wins over a page's: a page never replaces a recovery someone recorded (and Facts.IncidentFacts puts a
// message tagged resolution before the page's too).
public sealed partial record Incident
{
    /// <summary>True when <see cref="Recovered"/> came from a resolved page rather than from a person's command.</summary>
    public bool RecoveredByPage => Recovered?.RequestId is { } id && PageEntries.IsPageEntry(EntrySource.Command, id);

    /// <summary>
    /// Records when impact ended, as a person states it. Refused on a resolved incident (its draft is measured and
    /// posted; reopen it to change the outage), in the future, or before the outage's start (impact began, else the
    /// detection, else the declaration), since then the outage would have ended before it began. A second recovery
    /// replaces the first: it is a correction.
    /// </summary>
    public IncidentDecision RecordRecovery(Milestone recovered, DateTimeOffset now)
    {
        if (Resolved is { } resolved)
        {
            return Refuse(
                $"{DisplayId} is already resolved (at {LocalTimeText(resolved.At)}), so its outage's end is fixed: the draft measures to the resolve. Use /incident reopen first if impact ended at another time.");
        }

        if (recovered.At > now)
        {
            return Refuse($"{LocalTimeText(recovered.At)} is in the future. Record the recovery once impact has ended.");
        }

        var start = OutageStart;
        if (recovered.At < start.At)
        {
            return Refuse(
                $"{LocalTimeText(recovered.At)} is before {DisplayId}'s outage began ({StartName(start.Fact)} at {LocalTimeText(start.At)}). Give a later time, or correct the start with /incident began HH:MM.");
        }

        return IncidentDecision.Accept(this with { Recovered = recovered });
    }

    /// <summary>
    /// Records a resolved page's time as the recovery, unless a person recorded one (theirs wins) or the time is before
    /// the outage's start. A later page's replaces an earlier page's: impact ends when the last alert clears.
    /// </summary>
    public Incident RecordPageRecovery(Milestone recovered) =>
        (Recovered is null || RecoveredByPage) && recovered.At >= OutageStart.At ? this with { Recovered = recovered } : this;

    private static string StartName(IncidentFact fact) => fact switch
    {
        IncidentFact.ImpactBegan => "impact began",
        IncidentFact.Detected => "detected",
        _ => "declared",
    };
}
