namespace ScribeBot.Core.Tests.Incidents;

/// <summary>Names of enum values come from one switch each, and a value the switch does not know is an error, not a guess.</summary>
public sealed class EnumNameTests
{
    [Fact]
    public void Every_status_severity_and_platform_has_its_name()
    {
        Assert.Equal(["triggered", "acknowledged", "resolved"], Enum.GetValues<IncidentStatus>().Select(s => s.ToName()));
        Assert.Equal(["sev1", "sev2", "sev3", "sev4"], Enum.GetValues<Severity>().Select(s => s.ToName()));
        Assert.Equal(["slack", "teams", "web"], Enum.GetValues<ChatPlatform>().Select(p => p.ToName()));
        Assert.Equal(
            ["detection", "action", "misleading", "escalation", "root-cause", "resolution", "key-event", "note"],
            Enum.GetValues<TimelineTag>().Select(t => t.ToName()));
    }

    [Fact]
    public void A_severity_name_is_its_label_in_lower_case()
    {
        Assert.All(Enum.GetValues<Severity>(), s => Assert.Equal(s.ToLabel().ToLowerInvariant(), s.ToName()));
    }

    [Fact]
    public void The_platform_name_is_the_first_part_of_a_channel_key()
    {
        Assert.Equal("teams:T9:C1", new ChannelRef(ChatPlatform.Teams, "T9", "C1").Key);
        Assert.Equal("web:sandbox", new ChannelRef(ChatPlatform.Web, "sandbox", "ops").WorkspaceKey);
    }

    [Fact]
    public void Every_tag_name_reads_back_as_its_tag()
    {
        Assert.All(Enum.GetValues<TimelineTag>(), tag =>
        {
            Assert.True(TimelineTagNames.TryParse(tag.ToName().ToUpperInvariant(), out var read));
            Assert.Equal(tag, read);
        });
        Assert.Equal(Enum.GetValues<TimelineTag>().Select(t => t.ToName()), TimelineTagNames.All);
    }

    [Fact]
    public void A_value_outside_the_enum_fails_loudly()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((IncidentStatus)7).ToName());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((IncidentStatus)7).ToLabel());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((Severity)0).ToName());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((ChatPlatform)3).ToName());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((TimelineTag)42).ToName());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((TimelineTag)42).ToLabel());
    }
}
