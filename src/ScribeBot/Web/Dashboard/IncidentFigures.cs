using System.Globalization;
using ScribeBot.Core.Facts;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Postmortem;
using ScribeBot.Core.Storage;

namespace ScribeBot.Web.Dashboard;

/// <summary>
/// An incident's start, duration, MTTA and MTTR as the dashboard shows them: humanized (<see cref="DurationText"/>),
/// measured as the draft measures them (<see cref="IncidentFacts"/>: from the impact's start to its end, the recovery
/// or else the resolve), and withheld when the recorded times are in an impossible order rather than printed as a
/// misleading number. The incident list reads each outage from the store (<see cref="IncidentPage.Outages"/>), which
/// keeps it with the tagged messages counted, so the list and the incident's page state one duration.
/// </summary>
internal sealed record IncidentFigures(DateTimeOffset Start, string StartText, string ZoneLabel, string Duration, string Mtta, string Mttr)
{
    public const string ImpossibleOrder = DurationText.ImpossibleOrder;

    public static IncidentFigures Of(IncidentFacts facts, DateTimeOffset now) => Of(facts.Incident, OutageWindow.Of(facts), now);

    public static IncidentFigures Of(Incident incident, OutageWindow outage, DateTimeOffset now)
    {
        var clock = IncidentClock.For(incident);
        var start = outage.Start;
        var times = incident.GetResponseTimes();

        string duration;
        if (outage.Length is { } length)
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
