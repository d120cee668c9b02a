namespace ScribeBot.Core.Storage;

/// <summary>Incidents, with their timeline entries and outbox items, that a purge removes or removed.</summary>
public sealed record PurgeTally(int Incidents, int Entries, int Posts)
{
    public static PurgeTally None { get; } = new(0, 0, 0);

    public PurgeTally Add(PurgeTally other) => new(Incidents + other.Incidents, Entries + other.Entries, Posts + other.Posts);
}
