using ScribeBot.Core.Storage;
using ScribeBot.Teams.Conversations;

namespace ScribeBot.Teams.Tests.Conversations;

public sealed class ConversationAddressesTests
{
    private readonly CountingStateStore _store = new();

    [Fact]
    public async Task The_same_reference_again_is_not_written_again()
    {
        var addresses = new ConversationAddresses(_store);

        await addresses.RememberAsync(Channel(1), Reference(1), CancellationToken.None);
        await addresses.RememberAsync(Channel(1), Reference(1), CancellationToken.None);

        Assert.Equal(1, _store.Writes);
    }

    [Fact]
    public async Task Memory_of_what_was_written_is_capped_however_many_conversations_write()
    {
        var addresses = new ConversationAddresses(_store);

        for (var i = 0; i < ConversationAddresses.MaxRemembered * 3; i++)
        {
            await addresses.RememberAsync(Channel(i), Reference(i), CancellationToken.None);
        }

        Assert.InRange(addresses.RememberedCount, 1, ConversationAddresses.MaxRemembered);
    }

    private static ChannelRef Channel(int i) => new(ChatPlatform.Teams, "tenant", $"19:conversation-{i}@thread.tacv2");

    private static ConversationReference Reference(int i) => new()
    {
        ServiceUrl = "https://smba.trafficmanager.net/amer/",
        Conversation = new ConversationAccount(id: $"19:conversation-{i}@thread.tacv2", tenantId: "tenant"),
        Bot = new ChannelAccount("28:bot", "ScribeBot"),
        ChannelId = "msteams",
    };

    private sealed class CountingStateStore : IAdapterStateStore
    {
        private readonly InMemoryIncidentStore _inner = new();

        public int Writes { get; private set; }

        public Task<string?> GetStateAsync(string key, CancellationToken cancellationToken) => _inner.GetStateAsync(key, cancellationToken);

        public Task SetStateAsync(string key, string value, CancellationToken cancellationToken)
        {
            Writes++;
            return _inner.SetStateAsync(key, value, cancellationToken);
        }
    }
}
