using System.Globalization;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Text;
using ScribeBot.Core.Time;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Commands;

/// <summary>
/// <c>detected</c>, <c>began</c>, <c>impact</c>, <c>users</c>, <c>rootcause</c>, <c>resolution</c>, <c>improve</c>,
/// <c>todo</c>, <c>severity</c>, <c>commander</c>, <c>tz</c>: facts that may still be filled in after the resolve.
/// </summary>
internal static class FactCommands
{
    public static IncidentChange Detected(Incident incident, CommandRequest request, DetectedCommand detected)
    {
        var at = detected.At is { } time ? incident.ReadTypedTime(time, request.At) : incident.Declared.At;
        var updated = incident.RecordDetection(CommandEntry.Milestone(request, at), detected.Method);
        var entry = CommandEntry.For(updated, request, TimelineTag.Detection, $"Detected: {detected.Method}") with { At = at };
        return IncidentChange.Recorded(updated, entry, $"Recorded detection at {incident.LocalTimeText(at)} on {incident.DisplayId}.");
    }

    public static IncidentChange Began(Incident incident, CommandRequest request, BeganCommand began)
    {
        var at = incident.ReadTypedTime(began.At, request.At);
        var updated = incident.RecordImpactBegan(CommandEntry.Milestone(request, at));
        var entry = CommandEntry.For(updated, request, TimelineTag.KeyEvent, "Impact began") with { At = at };
        return IncidentChange.Recorded(updated, entry, $"Recorded that impact began at {incident.LocalTimeText(at)} on {incident.DisplayId}.");
    }

    /// <summary>
    /// When impact ended: the typed time (read like every <c>HH:MM</c>, on the command's day or the day before), else
    /// the command's own time. <paramref name="now"/> is the bot's clock, for the refusal of a time in the future.
    /// </summary>
    public static IncidentChange Recovered(Incident incident, CommandRequest request, RecoveredCommand recovered, DateTimeOffset now)
    {
        var at = recovered.At is { } time ? incident.ReadTypedTime(time, request.At) : request.At;
        var decision = incident.RecordRecovery(CommandEntry.Milestone(request, at), now);
        if (decision.Refused && recovered.At is { } typed && incident.IsOpen && IsReadAsYesterday(incident, at, request.At))
        {
            // A time later than now today is read as yesterday's, and that fell before the outage: the person most
            // likely typed a time that has not come yet, so say that rather than only "before it began".
            return IncidentChange.Refuse(incident,
                $"{typed.ToString("HH:mm", CultureInfo.InvariantCulture)} has not come yet today ({incident.LocalTimeText(request.At)} now), and yesterday's is before {incident.DisplayId} began. Record the recovery once impact has ended.");
        }

        return IncidentChange.Of(decision, updated => IncidentChange.Recorded(
            updated,
            CommandEntry.For(updated, request, TimelineTag.Resolution, "Impact ended (recovered)") with { At = at },
            incident.Recovered is { } earlier && !incident.RecoveredByPage
                ? $"Recorded that impact ended at {incident.LocalTimeText(at)} on {incident.DisplayId} (was {incident.LocalTimeText(earlier.At)}). Its outage is measured to it."
                : $"Recorded that impact ended at {incident.LocalTimeText(at)} on {incident.DisplayId}. Its outage is measured to it, not to the resolve."));
    }

    private static bool IsReadAsYesterday(Incident incident, DateTimeOffset at, DateTimeOffset sentAt)
    {
        var zone = IncidentTimeZone.Find(incident.TimeZoneId);
        return DateOnly.FromDateTime(IncidentTimeZone.ToLocal(at, zone).DateTime) != DateOnly.FromDateTime(IncidentTimeZone.ToLocal(sentAt, zone).DateTime);
    }

    // Impact and share of users are assessments that belong in the Issue Summary, not moments in the timeline, so
    // (like improve and todo) they add no entry; setting the same value twice is harmless.
    public static IncidentChange Impact(Incident incident, ImpactCommand impact) =>
        IncidentChange.Noted(incident with { Impact = impact.Text }, $"Recorded the impact of {incident.DisplayId}.");

    public static IncidentChange Users(Incident incident, UsersAffectedCommand users)
    {
        var percent = users.Percent.ToString("0.####", CultureInfo.InvariantCulture);
        return IncidentChange.Noted(incident with { UsersAffectedPercent = users.Percent }, $"Recorded {percent}% of users affected on {incident.DisplayId}.");
    }

    public static IncidentChange RootCause(Incident incident, CommandRequest request, RootCauseCommand rootCause) =>
        IncidentChange.Recorded(
            incident with { RootCause = rootCause.Text },
            CommandEntry.For(incident, request, TimelineTag.RootCause, $"Root cause: {rootCause.Text}"),
            $"Recorded the root cause of {incident.DisplayId}.");

    public static IncidentChange Resolution(Incident incident, CommandRequest request, ResolutionCommand resolution) =>
        IncidentChange.Recorded(
            incident with { Resolution = resolution.Text },
            CommandEntry.For(incident, request, TimelineTag.Resolution, $"Resolution: {resolution.Text}"),
            $"Recorded the resolution of {incident.DisplayId}.");

    public static IncidentChange Improve(Incident incident, ImproveCommand improve) =>
        IncidentChange.Of(incident.AddImprovement(improve.Text), updated =>
            IncidentChange.Noted(updated, $"Added improvement {updated.Improvements.Count} to {incident.DisplayId}."));

    public static IncidentChange Todo(Incident incident, TodoCommand todo, MentionReader mentions)
    {
        var owner = todo.Owner is null ? null : mentions.Parse(todo.Owner).DisplayName;
        return IncidentChange.Of(incident.AddTask(new IncidentTask(todo.Task, owner)), updated =>
        {
            var added = $"Added task {updated.Tasks.Count} to {incident.DisplayId}";
            return IncidentChange.Noted(updated, owner is null ? $"{added}." : $"{added}, owned by {owner}.");
        });
    }

    public static IncidentChange Severity(Incident incident, CommandRequest request, SeverityCommand severity) =>
        IncidentChange.Of(incident.ChangeSeverity(severity.Severity), updated =>
        {
            var text = $"Severity changed from {incident.Severity.ToLabel()} to {severity.Severity.ToLabel()}";
            return IncidentChange.Announce(
                updated,
                CommandEntry.For(incident, request, TimelineTag.KeyEvent, text),
                new ChatTextBuilder().Strong($"{incident.DisplayId}: ").Plain($"{text} by {request.Caller.DisplayName}.").Build());
        });

    public static IncidentChange Commander(Incident incident, CommandRequest request, CommanderCommand commander, MentionReader mentions)
    {
        var person = mentions.Parse(commander.Who);
        return IncidentChange.Of(incident.HandOver(person), updated => IncidentChange.Announce(
            updated,
            CommandEntry.For(incident, request, TimelineTag.KeyEvent, $"{person.DisplayName} took command"),
            new ChatTextBuilder().Strong($"{incident.DisplayId}: ").Plain($"{person.DisplayName} is now incident commander.").Build()));
    }

    public static IncidentChange TimeZone(Incident incident, TimeZoneCommand zone) =>
        IncidentChange.Of(incident.ChangeTimeZone(zone.TimeZoneId), updated =>
            IncidentChange.Noted(updated, $"{incident.DisplayId} now shows times in {zone.TimeZoneId}; HH:MM in commands is read in that zone too."));
}
