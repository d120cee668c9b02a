using ScribeBot.Core.Incidents;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Commands;

/// <summary>The timeline entry and milestones a command records, keyed by its request id.</summary>
internal static class CommandEntry
{
    public static TimelineEntry For(Incident incident, CommandRequest request, TimelineTag tag, string text) => new()
    {
        IncidentId = incident.Id,
        MessageId = request.RequestId,
        At = request.At,
        Author = request.Caller,
        Text = text,
        Permalink = request.Permalink,
        Source = EntrySource.Command,
        Marks = [new TagMark(tag, request.Caller.Id)],
    };

    /// <summary>A milestone marked by the caller at <paramref name="at"/> (by default, when the command was sent).</summary>
    public static Milestone Milestone(CommandRequest request, DateTimeOffset? at = null) =>
        new(at ?? request.At, request.Caller, request.RequestId);

    /// <summary>One more entry created by commands (the counter keys them uniquely).</summary>
    public static Incident Bump(Incident incident) => incident with { CommandSequence = incident.CommandSequence + 1 };
}
