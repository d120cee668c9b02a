using System.Globalization;
using ScribeBot.Core.Facts;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Postmortem;

namespace ScribeBot.Web.Dashboard;

/// <summary>
/// An incident's start, duration, MTTA and MTTR as the dashboard shows them: humanized (<see cref="DurationText"/>),
/// measured as the draft measures them (<see cref="IncidentFacts"/>: from the impact's start to its end, the recovery
/// or else the resolve), and withheld when the recorded times are in an impossible order rather than printed as a
/// misleading number. The incident list passes no entries (it loads no timelines), so there only recorded facts count.
/// </summary>
internal sealed record IncidentFigures(DateTimeOffset Start, string StartText, string ZoneLabel, string Duration, string Mtta, string Mttr)
{
    public const string ImpossibleOrder = DurationText.ImpossibleOrder;

    public static IncidentFigures Of(Incident incident, DateTimeOffset now) => Of(IncidentFacts.Of(incident, []), now);

    public static IncidentFigures Of(IncidentFacts facts, DateTimeOffset now)
    {
        var clock = IncidentClock.For(facts.Incident);
        var start = facts.ImpactStart.At;
        var times = facts.Times;

        string duration;
        if (times.Outage is { } length)
        {
            duration = DurationText.Humanize(length);
        }
        else
        {
            var elapsed = now - start;
            duration = elapsed > TimeSpan.Zero ? $"ongoing ({DurationText.Humanize(elapsed)} so far)" : "ongoing";
        }

        var mtta = times.ToAcknowledge is { } toAck ? DurationText.Humanize(toAck) : "not acknowledged";
        var mttr = times.ToResolve is { } toResolve ? DurationText.Humanize(toResolve) : "ongoing";

        var startText = $"{clock.Local(start).ToString("MMM d, yyyy", CultureInfo.InvariantCulture)} {clock.Time(start)}";
        return new IncidentFigures(start, startText, clock.ZoneLabel(start), duration, mtta, mttr);
    }
}
