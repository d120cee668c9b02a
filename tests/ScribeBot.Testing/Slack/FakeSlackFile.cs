namespace ScribeBot.Testing.Slack;

/// <summary>
/// One file the fake Slack was asked to take: what <c>files.getUploadURLExternal</c> announced (name, length,
/// <c>alt_txt</c>), the bytes that reached its upload URL, and where <c>files.completeUploadExternal</c> shared it
/// (<c>channel_id</c>, <c>thread_ts</c>, the title). <see cref="Shared"/> once it is in a channel.
/// </summary>
public sealed record FakeSlackFile(string Id, string Name, string? AltText, int Length)
{
    public byte[]? Bytes { get; init; }

    public string? Title { get; init; }

    public string? Channel { get; init; }

    public string? ThreadTs { get; init; }

    public bool Shared { get; init; }
}
