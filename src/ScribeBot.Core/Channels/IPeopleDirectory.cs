namespace ScribeBot.Core.Channels;

/// <summary>
/// The names people go by now, as their platform last said. A message is stored with the name known when it was
/// acknowledged, which may be only the person's id (the platform's directory was slow or down, and acknowledging never
/// waits for it); renderers ask this port for better names (see <see cref="PeopleNames"/>).
/// </summary>
public interface IPeopleDirectory
{
    /// <summary>
    /// The known names of <paramref name="personIds"/> in <paramref name="channel"/>'s workspace; ids it cannot name
    /// (another platform's, unknown, the platform unreachable) are left out. Never throws for the platform's trouble.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> FindNamesAsync(
        ChannelRef channel, IReadOnlyCollection<string> personIds, CancellationToken cancellationToken);
}
