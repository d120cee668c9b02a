using ScribeBot.Core.Channels;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Postmortem;
using ScribeBot.Core.Text;

namespace ScribeBot.Testing.Replies;

/// <summary>
/// <c>help</c> and <c>status</c> as the core writes them, for each renderer's line-structure tests (issue 15, item 4).
/// The status's title and commander are hostile, so the same tests check that nothing in them formats or pings.
/// </summary>
public static class ReplySamples
{
    public const string HostileTitle = "<!channel> @here *bold* <b>x</b>";

    public static readonly DateTimeOffset Declared = new(2026, 3, 2, 13, 10, 0, TimeSpan.Zero);

    public static ChatText Help() => CommandHelp.Answer(null).Reply;

    /// <summary>An open incident, acknowledged after 4 minutes, asked about after 10: 6 facts, then 5 missing ones.</summary>
    public static ChatText Status()
    {
        var channel = new ChannelRef(ChatPlatform.Slack, "T1", "C1");
        var alice = new Person("U1", "Alice @channel");
        var incident = new Incident
        {
            Id = Incident.MakeId(channel, 5),
            Number = 5,
            Channel = channel,
            Title = HostileTitle,
            Severity = Severity.Sev2,
            TimeZoneId = "UTC",
            Declared = new Milestone(Declared, alice),
            Acknowledged = new Milestone(Declared.AddMinutes(4), alice),
            Status = IncidentStatus.Acknowledged,
            Commander = alice,
        };
        return IncidentSummary.Build(incident, [], Declared.AddMinutes(10));
    }

    /// <summary>The lines of <see cref="Status"/>'s first group start with these, in order.</summary>
    public static IReadOnlyList<string> StatusFactLabels { get; } = ["INC-5: ", "Commander: ", "Open for ", "MTTA: ", "MTTR: ", "Tagged: "];

    /// <summary>
    /// <see cref="Status"/> as a renderer's groups of lines: one line per fact (MTTA among them, as 4 minutes), then
    /// a group that opens with "Missing:" and lists the 5 missing facts.
    /// </summary>
    public static void AssertStatusLines(IReadOnlyList<string[]> groups)
    {
        Assert.Equal(2, groups.Count);
        Assert.Equal(StatusFactLabels.Count, groups[0].Length);
        Assert.Equal("MTTA: 4 minutes", groups[0][3]);
        Assert.Equal("Missing:", groups[1][0]);
        Assert.Equal(6, groups[1].Length);
    }

    /// <summary>Lines per group of <see cref="Help"/>: the lead, then each group's title and its commands.</summary>
    public static IReadOnlyList<int> HelpLinesPerGroup() =>
        [1, .. CommandGroups.All.Select(group => group.Verbs.Count + 1)];
}
