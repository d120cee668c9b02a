namespace ScribeBot.Tests.Hosting;

/// <summary>
/// The host gives the core every platform's mention syntax, for a command from any platform: a person typing the other
/// platform's form (a Slack user writing <c>&lt;at&gt;Bo Chen&lt;/at&gt;</c>) gets it read as a mention, as before the
/// forms moved out of the core.
/// </summary>
public sealed class MentionSyntaxWiringTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ChatPlatform.Slack)]
    [InlineData(ChatPlatform.Teams)]
    [InlineData(ChatPlatform.Web)]
    public async Task Every_platforms_form_names_a_person_in_a_command_from_any_platform(ChatPlatform platform)
    {
        await using var host = new ScribeBotApplication();
        var channel = new ChannelRef(platform, "T1", "C1");
        var alice = new Person("U1", "Alice");
        await host.RunAsync(channel, alice, "start Checkout down", At);

        var escalated = await host.RunAsync(channel, alice, "escalate <at>Bo Chen</at> needs a DBA", At);
        await host.RunAsync(channel, alice, "todo add runbook <@U42|Carol Diaz>", At);
        await host.RunAsync(channel, alice, "commander <@U9|Dana Okafor>", At);

        Assert.Contains("escalated to Bo Chen by Alice: needs a DBA", escalated.Posts.OfType<AnnouncementPost>().Single().Text.ToPlainString(), StringComparison.Ordinal);
        var incident = await host.Store.GetIncidentAsync(Incident.MakeId(channel, 1), CancellationToken.None);
        Assert.Equal(new Person("U9", "Dana Okafor"), incident!.Commander);
        Assert.Equal([new IncidentTask("add runbook", "Carol Diaz") { Number = 1 }], incident.Tasks);
    }
}
