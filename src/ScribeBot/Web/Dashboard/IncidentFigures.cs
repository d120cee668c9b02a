using System.Globalization;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Metrics;
using ScribeBot.Core.Postmortem;

namespace ScribeBot.Web.Dashboard;

/// <summary>
/// An incident's start, duration, MTTA and MTTR as the dashboard shows them: humanized (<see cref="DurationText"/>),
/// measured as the draft measures them (<see cref="IncidentDurations"/>), and withheld when the recorded times are in
/// an impossible order (<see cref="OrderCheck"/>) rather than printed as a misleading number.
/// </summary>
internal sealed record IncidentFigures(DateTimeOffset Start, string StartText, string ZoneLabel, string Duration, string Mtta, string Mttr)
{
    public const string ImpossibleOrder = "not stated (impossible order)";

    public static IncidentFigures Of(Incident incident, DateTimeOffset now)
    {
        var clock = IncidentClock.For(incident.TimeZoneId);
        var warnings = OrderCheck.Find(incident, clock);
        var start = IncidentDurations.OutageStart(incident);
        var startFact = incident.ImpactBegan is not null ? IncidentFact.ImpactBegan
            : incident.Detected is not null ? IncidentFact.Detected
            : IncidentFact.Declared;

        string duration;
        if (IncidentDurations.OutageDuration(incident) is { } length)
        {
            duration = OrderCheck.Spoils(warnings, startFact, IncidentFact.Resolved) ? ImpossibleOrder : DurationText.Humanize(length);
        }
        else
        {
            var elapsed = now - start;
            duration = elapsed > TimeSpan.Zero ? $"ongoing ({DurationText.Humanize(elapsed)} so far)" : "ongoing";
        }

        var mtta = IncidentDurations.TimeToAcknowledge(incident) is { } toAck
            ? OrderCheck.Spoils(warnings, IncidentFact.Declared, IncidentFact.Acknowledged) ? ImpossibleOrder : DurationText.Humanize(toAck)
            : "not acknowledged";
        var mttr = IncidentDurations.TimeToResolve(incident) is { } toResolve
            ? OrderCheck.Spoils(warnings, IncidentFact.Declared, IncidentFact.Resolved) ? ImpossibleOrder : DurationText.Humanize(toResolve)
            : "ongoing";

        var startText = clock.Local(start).ToString("MMM d, yyyy HH:mm", CultureInfo.InvariantCulture);
        return new IncidentFigures(start, startText, clock.ZoneLabel(start), duration, mtta, mttr);
    }
}
