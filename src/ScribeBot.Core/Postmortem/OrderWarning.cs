using ScribeBot.Core.Incidents;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Postmortem;

/// <summary>
/// Two recorded instants in an impossible order: <paramref name="Earlier"/> should come no later than
/// <paramref name="Later"/> but was recorded after it. <paramref name="Message"/> is the line the draft shows.
/// </summary>
public sealed record OrderWarning(
    IncidentFact Earlier, DateTimeOffset EarlierAt, IncidentFact Later, DateTimeOffset LaterAt, ChatText Message);
