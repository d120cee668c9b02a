using System.Globalization;
using Microsoft.Extensions.Logging;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Text;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Postmortem.Editing;

/// <summary>
/// Changes an incident's postmortem facts from the dashboard and posts its draft to the channel. Every write holds the
/// channel's lock (<see cref="ChannelLocks"/>, shared with the <see cref="CommandHandler"/>) around a fresh read of
/// the incident, so an <c>/incident</c> command running at the same moment is never overwritten. Validation uses the
/// commands' limits; an invalid edit stores nothing.
/// </summary>
// mentions: how a task's owner may be named, the host's platform syntaxes as for commands; null reads a typed @name only.
public sealed partial class PostmortemEditor(
    IIncidentStore store,
    OutboxSignal outboxSignal,
    ChannelLocks locks,
    TimeProvider timeProvider,
    ILogger<PostmortemEditor> logger,
    MentionReader? mentions = null)
{
    /// <summary>Most improvements, and most tasks, one incident may list (the incident's own limit).</summary>
    public const int MaxListItems = IncidentLimits.MaxListItems;

    // A list with many bad lines names the first few; the person fixes those and sees the rest on the next save.
    private const int MaxErrorsPerList = 5;

    /// <summary>
    /// Validates <paramref name="edit"/> and stores the fields it changes, each with one history entry by
    /// <paramref name="editor"/>. With a <see cref="PostmortemEdit.Basis"/> the save is a merge (see there).
    /// </summary>
    public async Task<PostmortemEditResult> SaveAsync(string incidentId, PostmortemEdit edit, Person editor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(editor);
        var found = await store.GetIncidentAsync(incidentId, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return new PostmortemEditResult { Status = PostmortemEditStatus.NotFound };
        }

        var wanted = PostmortemFields.Normalize(edit, mentions ?? MentionReader.Typed);
        var basis = PostmortemFields.ParseBasis(edit.Basis);

        // An incident never changes channel, so the lock found before reading it again is the right one.
        await using (await locks.AcquireAsync(found.Channel.Key, cancellationToken).ConfigureAwait(false))
        {
            var incident = await store.GetIncidentAsync(incidentId, cancellationToken).ConfigureAwait(false) ?? found;
            var stored = PostmortemFields.Normalize(incident, mentions ?? MentionReader.Typed);
            var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var changed = new List<string>();
            var form = stored;
            foreach (var field in PostmortemFields.All)
            {
                if (PostmortemFields.Same(wanted, stored, field))
                {
                    continue;
                }

                // Left as the person saw it: whatever differs now was changed by someone else, and stays.
                if (basis is not null && PostmortemFields.Hash(wanted, field) == basis[field])
                {
                    continue;
                }

                form = PostmortemFields.Take(form, wanted, field);
                if (basis is not null && PostmortemFields.Hash(stored, field) != basis[field])
                {
                    Add(errors, field,
                        $"{PostmortemFields.Label(field)} was changed elsewhere (by a command in the channel or in another editor) after you started editing. Check the current draft; saving again replaces it with your version.");
                }

                Validate(wanted, field, errors);
                changed.Add(field);
            }

            if (errors.Count > 0)
            {
                LogRefused(incident.Id, errors.Keys);
                return new PostmortemEditResult
                {
                    Status = PostmortemEditStatus.Invalid,
                    Errors = errors.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value, StringComparer.Ordinal),
                    Incident = incident,
                    Form = form with { Basis = PostmortemFields.Fingerprint(stored) },
                };
            }

            if (changed.Count == 0)
            {
                return new PostmortemEditResult { Status = PostmortemEditStatus.Unchanged, Incident = incident };
            }

            var now = timeProvider.GetUtcNow();
            var updated = incident;
            var entries = new TimelineEntry[changed.Count];
            for (var i = 0; i < changed.Count; i++)
            {
                var field = changed[i];
                updated = PostmortemFields.Apply(updated, wanted, field);
                var verb = PostmortemFields.IsEmpty(wanted, field) ? "cleared" : "edited";
                entries[i] = HistoryEntry(
                    incident,
                    PostmortemHistory.EditKey(incident.CommandSequence + i + 1, field),
                    editor,
                    now,
                    $"{PostmortemFields.Label(field)} {verb} in the dashboard");
            }

            updated = updated with { CommandSequence = incident.CommandSequence + entries.Length };
            await store.SaveIncidentAsync(updated, entries, [], cancellationToken).ConfigureAwait(false);
            LogSaved(incident.Id, editor.Id, changed);
            return new PostmortemEditResult { Status = PostmortemEditStatus.Saved, ChangedFields = changed, Incident = updated };
        }
    }

    /// <summary>
    /// Queues the incident's current draft for its channel through the outbox, with a history entry by
    /// <paramref name="editor"/>. <paramref name="requestId"/> (generated when the form was shown) keys both, so a
    /// double submit posts once. False when there is no such incident.
    /// </summary>
    public async Task<bool> PostToChannelAsync(string incidentId, Person editor, string requestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(editor);
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        var found = await store.GetIncidentAsync(incidentId, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return false;
        }

        var key = PostmortemHistory.PostKey(requestId);
        await using (await locks.AcquireAsync(found.Channel.Key, cancellationToken).ConfigureAwait(false))
        {
            if (await store.GetEntryAsync(found.Id, key, cancellationToken).ConfigureAwait(false) is not null)
            {
                return true;
            }

            // Saved as it is now (read under the lock), only to write the entry and the post in one commit.
            var incident = await store.GetIncidentAsync(incidentId, cancellationToken).ConfigureAwait(false) ?? found;
            var now = timeProvider.GetUtcNow();
            var entry = HistoryEntry(incident, key, editor, now, "Postmortem draft posted to the channel from the dashboard");
            var items = OutboxItem.For(key, [new PostmortemPost(incident.Channel, incident.Id)], incident.Id, now);
            await store.SaveIncidentAsync(incident, [entry], items, cancellationToken).ConfigureAwait(false);
            outboxSignal.Notify();
            LogPosted(incident.Id, incident.Channel.Key, editor.Id);
            return true;
        }
    }

    /// <summary>The outbox item id of a "post to channel" with <paramref name="requestId"/>.</summary>
    public static string PostItemId(ChannelRef channel, string requestId) =>
        OutboxItem.MakeId(channel, PostmortemHistory.PostKey(requestId), 0);

    private static TimelineEntry HistoryEntry(Incident incident, string key, Person editor, DateTimeOffset at, string text) => new()
    {
        IncidentId = incident.Id,
        MessageId = key,
        At = at,
        Author = editor,
        Text = text,
        Source = EntrySource.Command,
    };

    private static void Validate(PostmortemEdit edit, string field, Dictionary<string, List<string>> errors)
    {
        switch (field)
        {
            case PostmortemFields.UsersAffectedPercent:
                if (edit.UsersAffectedPercent is { } percent and (< 0 or > 100))
                {
                    Add(errors, field, $"'{percent.ToString("0.##########", CultureInfo.InvariantCulture)}' is not a percentage between 0 and 100.");
                }

                break;
            case PostmortemFields.Improvements:
                ValidateImprovements(edit.Improvements, errors);
                break;
            case PostmortemFields.Tasks:
                ValidateTasks(edit.Tasks, errors);
                break;
            default:
                if (PostmortemFields.TextOf(edit, field) is { Length: > CommandParser.MaxTextLength } text)
                {
                    Add(errors, field,
                        $"The {PostmortemFields.Label(field).ToLowerInvariant()} is {text.Length} characters long; the limit is {CommandParser.MaxTextLength}. Shorten it, and keep the details in the timeline as notes.");
                }

                break;
        }
    }

    private static void ValidateImprovements(IReadOnlyList<string> improvements, Dictionary<string, List<string>> errors)
    {
        const string field = PostmortemFields.Improvements;
        if (improvements.Count > MaxListItems)
        {
            Add(errors, field, $"That is {improvements.Count} improvements; the limit is {MaxListItems}. Merge related ones, or move specific work to the tasks.");
        }

        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<string>();
        for (var i = 0; i < improvements.Count; i++)
        {
            var text = improvements[i];
            if (text.Length == 0)
            {
                problems.Add($"Improvement {i + 1} is empty: write the measure, or remove the line.");
            }
            else if (text.Length > CommandParser.MaxTextLength)
            {
                problems.Add($"Improvement {i + 1} is {text.Length} characters long; the limit is {CommandParser.MaxTextLength}.");
            }
            else if (!first.TryAdd(text, i))
            {
                problems.Add($"Improvement {i + 1} repeats improvement {first[text] + 1}.");
            }
        }

        AddList(errors, field, problems);
    }

    private static void ValidateTasks(IReadOnlyList<IncidentTask> tasks, Dictionary<string, List<string>> errors)
    {
        const string field = PostmortemFields.Tasks;
        if (tasks.Count > MaxListItems)
        {
            Add(errors, field, $"That is {tasks.Count} tasks; the limit is {MaxListItems}. Group related work, or track the details in your issue tracker.");
        }

        var first = new Dictionary<(string Text, string? Owner), int>();
        var problems = new List<string>();
        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i];
            if (task.Text.Length == 0)
            {
                problems.Add(task.Owner is { } owner
                    ? $"Task {i + 1} has an owner ({TextShortener.Shorten(owner)}) but no text: say what needs doing."
                    : $"Task {i + 1} has no text: say what needs doing.");
            }
            else if (task.Text.Length > CommandParser.MaxTextLength)
            {
                problems.Add($"Task {i + 1} is {task.Text.Length} characters long; the limit is {CommandParser.MaxTextLength}.");
            }
            else if (task.Owner is { Length: > CommandParser.MaxTextLength } longOwner)
            {
                problems.Add($"The owner of task {i + 1} is {longOwner.Length} characters long; the limit is {CommandParser.MaxTextLength}.");
            }
            else if (!first.TryAdd((task.Text, task.Owner), i))
            {
                problems.Add($"Task {i + 1} repeats task {first[(task.Text, task.Owner)] + 1}.");
            }
        }

        AddList(errors, field, problems);
    }

    private static void AddList(Dictionary<string, List<string>> errors, string field, List<string> problems)
    {
        foreach (var problem in problems.Take(MaxErrorsPerList))
        {
            Add(errors, field, problem);
        }

        if (problems.Count > MaxErrorsPerList)
        {
            var more = problems.Count - MaxErrorsPerList;
            Add(errors, field, more == 1 ? "1 more line has a problem." : $"{more} more lines have problems.");
        }
    }

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Postmortem of {IncidentId} edited in the dashboard by {EditorId}: {Fields}")]
    private partial void LogSaved(string incidentId, string editorId, IEnumerable<string> fields);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Postmortem edit of {IncidentId} refused; problems in {Fields}")]
    private partial void LogRefused(string incidentId, IEnumerable<string> fields);

    [LoggerMessage(Level = LogLevel.Information, Message = "Postmortem draft of {IncidentId} queued for {Channel} from the dashboard by {EditorId}")]
    private partial void LogPosted(string incidentId, string channel, string editorId);
}
