namespace ScribeBot.Testing.Slack;

/// <summary>
/// The fake Slack's file service: a new file id for each <c>files.getUploadURLExternal</c> (the first is the
/// documented example's), the bytes its upload URL receives, and each <c>files.completeUploadExternal</c>, which
/// shares the files into <see cref="FakeSlackHistory"/> as Slack does: a message from the bot user with a
/// <c>files</c> array, in the thread when <c>thread_ts</c> was given.
/// </summary>
public sealed class FakeSlackFiles(FakeSlackHistory history)
{
    /// <summary>The file id of Slack's published example answer, given to the first upload.</summary>
    public const string FirstId = "F123ABC456";

    private readonly Lock _lock = new();
    private readonly List<FakeSlackFile> _files = [];

    /// <summary>Every file announced, in order, shared or not.</summary>
    public IReadOnlyList<FakeSlackFile> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _files];
            }
        }
    }

    /// <summary>The files shared into a channel, in the order they were shared.</summary>
    public IReadOnlyList<FakeSlackFile> Shared => [.. All.Where(f => f.Shared)];

    /// <summary>A new file for a <c>files.getUploadURLExternal</c> form; its id.</summary>
    public string Begin(IReadOnlyDictionary<string, string> form)
    {
        lock (_lock)
        {
            var id = _files.Count == 0 ? FirstId : $"F{_files.Count + 1:D3}FAKE{_files.Count + 1}";
            _files.Add(new FakeSlackFile(
                id,
                form.GetValueOrDefault("filename", ""),
                form.TryGetValue("alt_txt", out var alt) ? alt : null,
                int.TryParse(form.GetValueOrDefault("length"), NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : -1));
            return id;
        }
    }

    /// <summary>The bytes the upload URL of <paramref name="fileId"/> took.</summary>
    public void Received(string fileId, byte[] bytes) => Update(fileId, file => file with { Bytes = bytes });

    /// <summary>Shares the files a <c>files.completeUploadExternal</c> body names.</summary>
    public void Complete(JsonObject body)
    {
        var channel = body["channel_id"]?.GetValue<string>();
        var thread = body["thread_ts"]?.GetValue<string>();
        foreach (var entry in (body["files"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var id = entry["id"]?.GetValue<string>() ?? "";
            var title = entry["title"]?.GetValue<string>();
            Update(id, file => file with { Title = title, Channel = channel, ThreadTs = thread, Shared = channel is not null });
            if (channel is null || All.FirstOrDefault(f => f.Id == id) is not { } shared)
            {
                continue;
            }

            var message = new JsonObject
            {
                ["type"] = "message",
                ["ts"] = history.NextTs(),
                ["user"] = FakeSlackHistory.BotUserId,
                ["upload"] = true,
                ["display_as_bot"] = false,
                ["text"] = "",
                ["files"] = new JsonArray(new JsonObject { ["id"] = id, ["name"] = shared.Name, ["title"] = title }),
            };
            if (thread is not null)
            {
                message["thread_ts"] = thread;
            }

            history.Add(channel, message);
        }
    }

    private void Update(string fileId, Func<FakeSlackFile, FakeSlackFile> change)
    {
        lock (_lock)
        {
            var index = _files.FindIndex(f => f.Id == fileId);
            if (index >= 0)
            {
                _files[index] = change(_files[index]);
            }
        }
    }
}
