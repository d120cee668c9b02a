using ScribeBot.Core.Commands;
using ScribeBot.Core.Postmortem.Editing;
using ScribeBot.Testing.Commands;
using static ScribeBot.Testing.Commands.CommandTestBed;

namespace ScribeBot.Slack.Tests.Mentions;

/// <summary>
/// The core's handler and editor given people in Slack's form, on the core's test bed reading Slack's mention syntax
/// as the host does. Moved here unchanged from the core's CommandHandlerTests (and .Misuse) and PostmortemEditorTests
/// when that form moved out of the core.
/// </summary>
public sealed class SlackMentionCommandTests : IDisposable
{
    private readonly CommandTestBed _bed = new(mentions: [new SlackMentionSyntax()]);

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task Escalate_records_an_escalation_to_the_mentioned_person_and_announces_it()
    {
        await _bed.DoAsync("start Checkout down");

        var outcome = await _bed.DoAsync("escalate <@U123|bob> db is on fire");

        Assert.Equal("INC-1 escalated to bob by Alice: db is on fire", Announced(outcome));
        await _bed.AssertLastEntryAsync("Escalated to bob: db is on fire", TimelineTag.Escalation, Alice, Start);
    }

    [Fact]
    public async Task Commander_hands_over_command_to_the_mentioned_person()
    {
        await _bed.DoAsync("start Checkout down");

        var outcome = await _bed.DoAsync("commander <@U9|carol>");

        Assert.Equal(new Person("U9", "carol"), (await _bed.IncidentAsync()).Commander);
        Assert.Equal("INC-1: carol is now incident commander.", Announced(outcome));
        await _bed.AssertLastEntryAsync("carol took command", TimelineTag.KeyEvent, Alice, Start);
    }

    [Fact]
    public async Task Unchanged_severity_commander_or_time_zone_is_refused_and_changes_nothing()
    {
        await _bed.DoAsync("start Checkout down sev2");

        await _bed.AssertRefusedAsync("severity 2", "INC-1 is already SEV2.");
        await _bed.AssertRefusedAsync("commander <@U1|Alice>", "Alice is already the commander of INC-1.");
        await _bed.AssertRefusedAsync("tz UTC", "INC-1 already uses UTC.");
    }

    [Fact]
    public async Task The_same_improvement_or_task_twice_is_refused()
    {
        await _bed.DoAsync("start Checkout down");
        await _bed.DoAsync("improve alert on expiry");
        await _bed.DoAsync("todo renew certs @bob");

        await _bed.AssertRefusedAsync("improve alert on expiry", "That improvement is already on INC-1's list.");
        await _bed.AssertRefusedAsync("todo renew certs <@U2|bob>", "That task is already on INC-1's list.");
    }

    [Fact]
    public async Task Texts_are_trimmed_blank_ones_clear_their_field_and_owners_lose_their_mention_syntax()
    {
        var incident = await _bed.ResolvedIncidentAsync();

        var result = await _bed.SaveAsync(PostmortemEdit.From(incident) with
        {
            RootCause = "  \r\n ",
            Impact = "\r\n  Card payments failed\r\nfor 20 minutes  ",
            Improvements = ["  Alert on pool saturation "],
            Tasks = [new IncidentTask(" Raise the pool size ", " @bo "), new IncidentTask("Add a canary", "<@U7|Priya Raman>"), new IncidentTask("Write a runbook", "  ")],
        });

        Assert.Equal(PostmortemEditStatus.Saved, result.Status);
        var stored = await _bed.IncidentAsync();
        Assert.Null(stored.RootCause);
        Assert.Equal("Card payments failed\nfor 20 minutes", stored.Impact);
        Assert.Equal(["Alert on pool saturation"], stored.Improvements);
        Assert.Equal([new IncidentTask("Raise the pool size", "bo") { Number = 1 }, new IncidentTask("Add a canary", "Priya Raman") { Number = 2 }, new IncidentTask("Write a runbook", null) { Number = 3 }], stored.Tasks);
        Assert.Contains("Root cause cleared in the dashboard", (await _bed.HistoryAsync()).Select(e => e.Text));
    }
}
