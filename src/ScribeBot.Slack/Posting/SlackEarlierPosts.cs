namespace ScribeBot.Slack.Posting;

/// <summary>
/// What an earlier attempt of an item already put in Slack: the ts of each part found by its marker, and the names of
/// the files the bot shared in the item's thread (a file share carries no marker; in that thread, its name is the mark).
/// </summary>
internal sealed class SlackEarlierPosts
{
    private readonly Dictionary<int, string> _parts = [];
    private readonly HashSet<string> _files = new(StringComparer.Ordinal);

    /// <summary>A first attempt: nothing to look for.</summary>
    public static SlackEarlierPosts None { get; } = new();

    public IReadOnlyDictionary<int, string> Parts => _parts;

    public bool HasFile(string fileName) => _files.Contains(fileName);

    public void AddPart(int part, string ts) => _parts.TryAdd(part, ts);

    public void AddFile(string fileName) => _files.Add(fileName);
}
