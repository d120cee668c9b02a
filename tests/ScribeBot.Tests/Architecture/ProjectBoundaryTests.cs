namespace ScribeBot.Tests.Architecture;

/// <summary>
/// The one-way dependencies of docs/architecture.md: each adapter and the store reference the core only, never each
/// other, so a platform or a store can be added, or removed, without touching the rest.
/// </summary>
public sealed class ProjectBoundaryTests
{
    public static TheoryData<string, string[]> Boundaries => new()
    {
        { "ScribeBot.Slack", ["ScribeBot.Teams", "ScribeBot.LiteDb", "LiteDB", "Microsoft.Bot"] },
        { "ScribeBot.Teams", ["ScribeBot.Slack", "ScribeBot.LiteDb", "LiteDB"] },
        { "ScribeBot.LiteDb", ["ScribeBot.Slack", "ScribeBot.Teams", "Microsoft.Bot", "Microsoft.AspNetCore"] },
        { "ScribeBot.Alerts", ["ScribeBot.Slack", "ScribeBot.Teams", "ScribeBot.LiteDb", "LiteDB", "Microsoft.Bot"] },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void A_project_references_the_core_and_none_of_its_siblings(string project, string[] forbidden)
    {
        var referenced = Assembly.Load(project).GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.Contains("ScribeBot.Core", referenced);
        Assert.DoesNotContain(referenced, name => forbidden.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)));
    }
}
