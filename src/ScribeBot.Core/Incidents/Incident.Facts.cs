using System.Globalization;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Time;

namespace ScribeBot.Core.Incidents;

// The facts people record on an incident (severity, commander, time zone, detection, impact start), and how times
// they type are read.
public sealed partial record Incident
{
    public IncidentDecision ChangeSeverity(Severity severity) =>
        Severity == severity
            ? Refuse($"{DisplayId} is already {severity.ToLabel()}.")
            : IncidentDecision.Accept(this with { Severity = severity });

    public IncidentDecision HandOver(Person commander) =>
        Commander is { } current && current.Id == commander.Id
            ? Refuse($"{commander.DisplayName} is already the commander of {DisplayId}.")
            : IncidentDecision.Accept(this with { Commander = commander });

    /// <param name="timeZoneId">An IANA id, already checked.</param>
    public IncidentDecision ChangeTimeZone(string timeZoneId) =>
        TimeZoneId == timeZoneId
            ? Refuse($"{DisplayId} already uses {timeZoneId}.")
            : IncidentDecision.Accept(this with { TimeZoneId = timeZoneId });

    /// <summary>Records how and when the problem was detected. An impossible order is flagged by the draft, not refused.</summary>
    public Incident RecordDetection(Milestone detected, string method) => this with { Detected = detected, DetectionMethod = method };

    /// <summary>Records when impact really began (the outage's start).</summary>
    public Incident RecordImpactBegan(Milestone began) => this with { ImpactBegan = began };

    /// <summary>
    /// The instant of an <c>HH:MM</c> typed in a command sent at <paramref name="sentAt"/>, in the incident's zone: on
    /// that day, or the day before when that would put it after the command. A time typed after the resolve (filling
    /// in the postmortem the next morning) is read around the resolve, so "began 08:00" lands on the incident's day.
    /// </summary>
    public DateTimeOffset ReadTypedTime(TimeOnly time, DateTimeOffset sentAt)
    {
        var reference = Resolved is { } resolved && resolved.At < sentAt ? resolved.At : sentAt;
        return IncidentTimeZone.ResolveTypedTime(time, reference, IncidentTimeZone.Find(TimeZoneId));
    }

    /// <summary>
    /// <c>HH:mm</c> (or <c>HH:mm:ss</c>, <see cref="TimePrecision"/>) in the incident's zone, followed by the zone's id,
    /// as refusals and replies show it.
    /// </summary>
    public string LocalTimeText(DateTimeOffset at) =>
        TimePrecision.Of(this).Time(IncidentTimeZone.ToLocal(at, IncidentTimeZone.Find(TimeZoneId))) + " " + TimeZoneId;
}
