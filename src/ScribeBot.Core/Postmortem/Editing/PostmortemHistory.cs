using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Postmortem.Editing;

/// <summary>
/// The timeline entries the dashboard writes into an incident's history (a field edited, the draft posted). They are
/// command entries (<see cref="EntrySource.Command"/>) keyed under <c>dashboard/</c>, a form no platform's message or
/// request id takes, so they never collide with a command's entry. They are part of the incident's record, not of the
/// story of the outage: the draft leaves them out of its Timeline, diagram and transcript.
/// </summary>
public static class PostmortemHistory
{
    private const string Prefix = "dashboard/";

    /// <summary>True for an entry the dashboard wrote.</summary>
    public static bool IsHistory(TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Source == EntrySource.Command && entry.MessageId.StartsWith(Prefix, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>dashboard/edit/{sequence}/{field}</c>: the incident's <see cref="Incidents.Incident.CommandSequence"/> after the
    /// save, which every save raises, so two saves never share a key.
    /// </summary>
    internal static string EditKey(int sequence, string field) => $"{Prefix}edit/{sequence}/{field}";

    /// <summary><c>dashboard/post/{requestId}</c>: a repeated "post to channel" with the same request id finds it.</summary>
    internal static string PostKey(string requestId) => $"{Prefix}post/{requestId}";
}
