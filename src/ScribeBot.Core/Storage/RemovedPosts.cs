namespace ScribeBot.Core.Storage;

/// <summary>What one <see cref="IRetentionStore.RemoveFinishedPostsAsync"/> call removed.</summary>
public sealed record RemovedPosts(int Delivered, int Abandoned, int AdapterStates)
{
    public static RemovedPosts None { get; } = new(0, 0, 0);

    /// <summary>Outbox items removed.</summary>
    public int Posts => Delivered + Abandoned;

    public RemovedPosts Add(RemovedPosts other) =>
        new(Delivered + other.Delivered, Abandoned + other.Abandoned, AdapterStates + other.AdapterStates);
}
