using ScribeBot.Core.Chat;
using static ScribeBot.Testing.Commands.CommandTestBed;

namespace ScribeBot.Core.Tests.Chat;

/// <summary>The one-line pointer for whoever joins a channel with an open incident (issue 17, item 3).</summary>
public sealed class JoinPointersTests : IDisposable
{
    private static readonly Person Dana = new("U5", "Dana");

    private readonly CommandTestBed _bed = new();
    private readonly JoinPointers _pointers;

    public JoinPointersTests() => _pointers = new JoinPointers(_bed.Store, _bed.Store, _bed.Signal, _bed.Clock);

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task A_joiner_gets_a_private_pointer_to_the_open_incident_once_per_event()
    {
        await _bed.DoAsync("start Checkout returns 502 sev2");
        _bed.Clock.Advance(TimeSpan.FromMinutes(40));

        Assert.True(await _pointers.PointAsync(Channel, Dana, "Ev1", privately: true, CancellationToken.None));
        Assert.True(await _pointers.PointAsync(Channel, Dana, "Ev1", privately: true, CancellationToken.None));

        var post = Assert.IsType<PrivatePost>(await _bed.PostAsync("join/Ev1"));
        Assert.Equal(Dana, post.Recipient);
        Assert.Equal(
            "INC-1 is open here: Checkout returns 502, SEV2, 40 minutes so far. /incident catchup for what you missed.",
            post.Text.ToPlainString());
        Assert.Null(await _bed.PostAsync("join/Ev1", index: 1));
    }

    [Fact]
    public async Task Where_nobody_sees_a_private_line_the_pointer_is_an_announcement()
    {
        await _bed.DoAsync("start Checkout returns 502");

        Assert.True(await _pointers.PointAsync(Channel, Dana, "act-1", privately: false, CancellationToken.None));

        Assert.StartsWith("INC-1 is open here: Checkout returns 502, SEV3, just declared.", await _bed.AnnouncedAsync("join/act-1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_open_incident_no_pointer()
    {
        Assert.False(await _pointers.PointAsync(Channel, Dana, "Ev1", privately: true, CancellationToken.None));

        await _bed.DoAsync("start Checkout returns 502");
        await _bed.DoAsync("resolve");

        Assert.False(await _pointers.PointAsync(Channel, Dana, "Ev2", privately: true, CancellationToken.None));
        Assert.Null(await _bed.PostAsync("join/Ev2"));
    }
}
