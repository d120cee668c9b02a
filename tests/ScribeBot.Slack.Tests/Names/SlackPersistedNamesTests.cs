using ScribeBot.Slack.Names;

namespace ScribeBot.Slack.Tests.Names;

public sealed class SlackPersistedNamesTests
{
    private readonly InMemoryIncidentStore _store = new();

    [Fact]
    public async Task Memory_of_names_written_is_capped_however_many_people_requests_name()
    {
        var names = new SlackPersistedNames(_store);

        for (var i = 0; i < SlackPersistedNames.MaxRemembered + 5_000; i++)
        {
            await names.SaveAsync("T1", $"U{i:D8}", $"person {i}", CancellationToken.None);
        }

        Assert.InRange(names.RememberedCount, 1, SlackPersistedNames.MaxRemembered);
        Assert.Equal("person 0", await names.FindAsync("T1", "U00000000", CancellationToken.None));
    }
}
