using Microsoft.Extensions.Logging;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Tagging;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Chat;

/// <summary>
/// Records what is said in a channel while it has an open incident, and applies edits, deletes and tags.
/// Channels with no open incident are not stored at all. Edits, deletes and tags of messages already recorded still
/// apply after the incident is resolved, because people tag the root cause while writing the postmortem; nothing
/// new is recorded then. Every method is idempotent: a platform's redelivery finds the entry already in the state
/// it asks for.
/// </summary>
public sealed partial class TimelineCapture(IIncidentStore store, ReactionTable reactions, ILogger<TimelineCapture> logger)
{
    public async Task<CaptureResult> RecordAsync(ChatMessage message, CancellationToken cancellationToken)
    {
        if (message.IsFromSelf)
        {
            return CaptureResult.IgnoredOwnMessage;
        }

        var incident = await store.FindOpenIncidentAsync(message.Channel, cancellationToken).ConfigureAwait(false);
        if (incident is null)
        {
            return CaptureResult.IgnoredNoOpenIncident;
        }

        var result = await store.AppendEntryAsync(ToEntry(incident, message), cancellationToken).ConfigureAwait(false);
        return result == AppendResult.Added ? CaptureResult.Recorded : CaptureResult.Duplicate;
    }

    // An edit older than the last one applied is a late redelivery: applying it would bring back outdated text.
    public Task<CaptureResult> EditAsync(MessageEdit edit, CancellationToken cancellationToken) =>
        UpdateAsync(edit.Channel, edit.MessageId, entry => entry.Text == edit.NewText || (entry.IsEdited && edit.At < entry.Edits[^1].ReplacedAt)
            ? entry
            : entry with
            {
                Text = edit.NewText,
                Edits = [.. entry.Edits, new TextRevision(entry.Text, edit.At)],
            }, cancellationToken);

    public Task<CaptureResult> DeleteAsync(MessageDeletion deletion, CancellationToken cancellationToken) =>
        UpdateAsync(deletion.Channel, deletion.MessageId, entry => entry.Deleted == !deletion.Undeleted
            ? entry
            : entry with { Deleted = !deletion.Undeleted }, cancellationToken);

    public async Task<CaptureResult> ReactAsync(ReactionChange change, CancellationToken cancellationToken)
    {
        if (!reactions.TryGetTag(change.Channel.Platform, change.Reaction, out var tag))
        {
            return CaptureResult.IgnoredUnmappedReaction;
        }

        var mark = new TagMark(tag.Value, change.User.Id);
        var result = await UpdateAsync(change.Channel, change.MessageId, entry => WithMark(entry, mark, change.Added), cancellationToken).ConfigureAwait(false);
        if (result == CaptureResult.Updated)
        {
            LogTagged(change.Channel.Key, change.MessageId, tag.Value, change.Added);
        }

        return result;
    }

    /// <summary>
    /// Tags a message from a message action. A message from before the incident started (the alert that
    /// prompted it) is added from <see cref="TagRequest.Original"/>; the note, if any, is kept as a note entry
    /// right after the message.
    /// </summary>
    public async Task<CaptureResult> TagAsync(TagRequest request, CancellationToken cancellationToken)
    {
        var incident = await CurrentIncidentAsync(request.Channel, cancellationToken).ConfigureAwait(false);
        if (incident is null)
        {
            return CaptureResult.IgnoredNoOpenIncident;
        }

        var mark = new TagMark(request.Tag, request.User.Id);
        var tagged = await store.UpdateEntryAsync(incident.Id, request.MessageId, entry => WithMark(entry, mark, added: true), cancellationToken).ConfigureAwait(false);
        if (tagged is null)
        {
            // A resolved incident takes in a message it never recorded only if it was posted before the resolve.
            if (request.Original is null || request.Original.Channel != request.Channel || request.Original.MessageId != request.MessageId
                || (incident.Resolved is { } resolved && request.Original.At > resolved.At))
            {
                return CaptureResult.IgnoredUnknownMessage;
            }

            tagged = ToEntry(incident, request.Original) with { Marks = [mark] };
            await store.AppendEntryAsync(tagged, cancellationToken).ConfigureAwait(false);
        }

        if (!string.IsNullOrWhiteSpace(request.Note))
        {
            await store.AppendEntryAsync(NoteOn(incident, tagged, request), cancellationToken).ConfigureAwait(false);
        }

        LogTagged(request.Channel.Key, request.MessageId, request.Tag, true);
        return CaptureResult.Updated;
    }

    private async Task<CaptureResult> UpdateAsync(
        Channels.ChannelRef channel, string messageId, Func<TimelineEntry, TimelineEntry> change, CancellationToken cancellationToken)
    {
        var incident = await CurrentIncidentAsync(channel, cancellationToken).ConfigureAwait(false);
        if (incident is null)
        {
            return CaptureResult.IgnoredNoOpenIncident;
        }

        var changed = false;
        var stored = await store.UpdateEntryAsync(incident.Id, messageId, entry =>
        {
            var updated = change(entry);
            changed = !ReferenceEquals(updated, entry);
            return updated;
        }, cancellationToken).ConfigureAwait(false);

        return stored is null ? CaptureResult.IgnoredUnknownMessage
            : changed ? CaptureResult.Updated
            : CaptureResult.IgnoredNoChange;
    }

    /// <summary>The open incident, else the channel's latest (resolved) one, whose recorded messages may still change.</summary>
    private async Task<Incident?> CurrentIncidentAsync(Channels.ChannelRef channel, CancellationToken cancellationToken) =>
        await store.FindOpenIncidentAsync(channel, cancellationToken).ConfigureAwait(false)
        ?? await store.FindLatestIncidentAsync(channel, cancellationToken).ConfigureAwait(false);

    private static TimelineEntry WithMark(TimelineEntry entry, TagMark mark, bool added)
    {
        var has = entry.Marks.Contains(mark);
        if (added == has)
        {
            return entry;
        }

        return entry with { Marks = added ? [.. entry.Marks, mark] : entry.Marks.Where(m => m != mark).ToArray() };
    }

    private static TimelineEntry ToEntry(Incident incident, ChatMessage message) => new()
    {
        IncidentId = incident.Id,
        MessageId = message.MessageId,
        ThreadId = message.ThreadId,
        At = message.At,
        Author = message.Author,
        Text = message.Text,
        Permalink = message.Permalink,
    };

    // The note is keyed by message and user, so a resubmitted note replaces nothing and is stored once, and it
    // sorts right after the message because it shares its instant.
    private static TimelineEntry NoteOn(Incident incident, TimelineEntry tagged, TagRequest request) => new()
    {
        IncidentId = incident.Id,
        MessageId = $"{request.MessageId}/note/{request.User.Id}",
        ThreadId = tagged.ThreadId,
        At = tagged.At,
        Author = request.User,
        Text = request.Note!.Trim(),
        Permalink = tagged.Permalink,
        Source = EntrySource.Command,
        Marks = [new TagMark(request.Tag, request.User.Id)],
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} in {Channel} tag {Tag} added={Added}")]
    private partial void LogTagged(string channel, string messageId, TimelineTag tag, bool added);
}
