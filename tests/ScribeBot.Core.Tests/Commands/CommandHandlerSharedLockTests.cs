using ScribeBot.Core.Storage;

namespace ScribeBot.Core.Tests.Commands;

/// <summary>Commands under a store's shared channel lock: what needs the store waits for it, help does not.</summary>
public sealed class CommandHandlerSharedLockTests : IDisposable
{
    private readonly CommandTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task While_the_shared_lock_is_out_of_reach_help_still_answers_and_a_change_is_not_made()
    {
        var handler = new CommandHandler(
            _bed.Store, _bed.Store, _bed.Signal, new ChannelLocks(new RecordingSharedLocks { Unavailable = true }), _bed.Clock,
            Options.Create(new ScribeOptions()), NullLogger<CommandHandler>.Instance);

        var help = await handler.HandleAsync(_bed.Request("help"), CancellationToken.None);
        await Assert.ThrowsAsync<StoreUnavailableException>(() => handler.HandleAsync(_bed.Request("start Checkout returns 502"), CancellationToken.None));

        Assert.Contains("/incident start", help.Reply.ToPlainString(), StringComparison.Ordinal);
        Assert.Null(await _bed.Store.FindOpenIncidentAsync(CommandTestBed.Channel, CancellationToken.None));
    }
}
