using ScribeBot.Core.Chat;

namespace ScribeBot.Testing;

/// <summary>
/// Incidents made the way chat makes them, without a platform: commands through the host's
/// <see cref="CommandHandler"/>; messages, edits, deletes and tags through its <see cref="TimelineCapture"/>.
/// </summary>
public sealed partial class ScribeBotApplication
{
    private int _commands;

    /// <summary>Runs an <c>/incident</c> command (request id <c>cmd-N</c>, N counting from 1) and asserts it was accepted.</summary>
    public async Task<CommandOutcome> RunAsync(ChannelRef channel, Person caller, string text, DateTimeOffset at, string? permalink = null)
    {
        var outcome = await Service<CommandHandler>().HandleAsync(new CommandRequest
        {
            Channel = channel,
            Caller = caller,
            Text = text,
            At = at,
            RequestId = $"cmd-{Interlocked.Increment(ref _commands)}",
            Permalink = permalink,
        }, CancellationToken.None);
        Assert.True(outcome.Accepted, $"'{text}' was refused: {outcome.Reply.ToPlainString()}");
        return outcome;
    }

    public async Task SayAsync(ChannelRef channel, string messageId, Person author, string text, DateTimeOffset at, string? permalink = null, string? thread = null)
    {
        var result = await Service<TimelineCapture>().RecordAsync(new ChatMessage
        {
            Channel = channel,
            MessageId = messageId,
            ThreadId = thread,
            At = at,
            Author = author,
            Text = text,
            Permalink = permalink,
        }, CancellationToken.None);
        Assert.Equal(CaptureResult.Recorded, result);
    }

    public async Task TagAsync(ChannelRef channel, string messageId, TimelineTag tag, Person by)
    {
        var result = await Service<TimelineCapture>().TagAsync(new TagRequest(channel, messageId, tag, by, null, null), CancellationToken.None);
        Assert.Equal(CaptureResult.Updated, result);
    }

    public async Task EditAsync(ChannelRef channel, string messageId, string newText, DateTimeOffset at)
    {
        var result = await Service<TimelineCapture>().EditAsync(new MessageEdit(channel, messageId, newText, at), CancellationToken.None);
        Assert.Equal(CaptureResult.Updated, result);
    }

    public async Task DeleteAsync(ChannelRef channel, string messageId, DateTimeOffset at)
    {
        var result = await Service<TimelineCapture>().DeleteAsync(new MessageDeletion(channel, messageId, at), CancellationToken.None);
        Assert.Equal(CaptureResult.Updated, result);
    }
}
