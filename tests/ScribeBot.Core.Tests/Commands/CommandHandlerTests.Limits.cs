namespace ScribeBot.Core.Tests.Commands;

// The list limit the dashboard keeps to holds for improve and todo too.
public sealed partial class CommandHandlerTests
{
    [Theory]
    [InlineData("improve measure", "improve one measure too many",
        "INC-1 already lists 50 improvements, the limit. Merge related ones, or move specific work to the tasks.")]
    [InlineData("todo task", "todo one task too many @bob",
        "INC-1 already lists 50 tasks, the limit. Group related work, or track the details in your issue tracker.")]
    public async Task A_list_item_past_the_limit_is_refused_and_changes_nothing(string item, string oneTooMany, string expected)
    {
        await _bed.DoAsync("start Checkout down");
        for (var i = 1; i <= IncidentLimits.MaxListItems; i++)
        {
            await _bed.DoAsync($"{item} {i}");
        }

        await _bed.AssertRefusedAsync(oneTooMany, expected);
    }

    [Fact]
    public async Task The_list_limit_holds_after_the_resolve_too()
    {
        await StartAndResolveAsync();
        for (var i = 1; i <= IncidentLimits.MaxListItems; i++)
        {
            await _bed.DoAsync($"improve measure {i}");
        }

        await _bed.AssertRefusedAsync("improve one measure too many", "INC-1 already lists 50 improvements");
        Assert.Equal(IncidentLimits.MaxListItems, (await _bed.IncidentAsync()).Improvements.Count);
    }
}
