using Microsoft.Extensions.Options;
using ScribeBot.Slack.Endpoint;

namespace ScribeBot.Slack.Tests.Endpoint;

public sealed class SlackChannelMembershipMemoryTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Channels_remembered_as_joined_are_capped_even_when_none_has_expired()
    {
        var membership = Membership();

        for (var i = 0; i < SlackChannelMembership.MaxCachedChannels * 2; i++)
        {
            membership.Remember($"slack:T1:C{i:D8}");
        }

        Assert.InRange(membership.CachedChannels, 1, SlackChannelMembership.MaxCachedChannels);
    }

    [Fact]
    public void Expired_memberships_make_room_before_live_ones()
    {
        var membership = Membership();
        for (var i = 0; i < SlackChannelMembership.MaxCachedChannels - 1; i++)
        {
            membership.Remember($"slack:T1:old{i:D8}");
        }

        _time.Advance(SlackChannelMembership.MemberCacheDuration);
        membership.Remember("slack:T1:live");
        membership.Remember("slack:T1:new");

        Assert.Equal(2, membership.CachedChannels);
    }

    private SlackChannelMembership Membership() => new(
        () => throw new InvalidOperationException("Remembering a membership asks Slack nothing."),
        Options.Create(new SlackOptions { BotToken = "xoxb-test" }),
        _time,
        NullLogger<SlackChannelMembership>.Instance);
}
