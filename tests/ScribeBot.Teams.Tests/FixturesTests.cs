namespace ScribeBot.Teams.Tests;

public sealed class FixturesTests
{
    [Fact]
    public void The_shared_Teams_fixtures_are_found()
    {
        Assert.Contains("\"type\": \"messageReaction\"", Fixtures.Teams.Text("activity_messageReaction_reactionsAdded.json"), StringComparison.Ordinal);
    }
}
