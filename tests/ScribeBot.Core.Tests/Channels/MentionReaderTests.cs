namespace ScribeBot.Core.Tests.Channels;

/// <summary>
/// The forms the core reads on its own (a typed <c>@name</c>, plain text), and how it combines the platforms' syntaxes.
/// Slack's and Teams' forms are tested in their adapters' projects (SlackMentionSyntaxTests, TeamsMentionSyntaxTests)
/// against the same contract.
/// </summary>
public sealed class MentionReaderTests : MentionSyntaxContract
{
    private static readonly MentionReader Typed = MentionReader.Typed;

    // A made-up platform that writes a person as {id|name}: the reader asks it before falling back to typed text.
    private static readonly MentionReader WithBraces = new([new BraceSyntax()]);

    protected override MentionReader Mentions => Typed;

    public static TheoryData<string, string, string> Names => new()
    {
        { "@priya", "priya", "priya" },
        { "  priya ", "priya", "priya" },
    };

    public static TheoryData<string, int> LeadingMentions => new()
    {
        { "@bo needs a DBA", 0 },
    };

    public static TheoryData<string, int, string> TrailingMentions => new()
    {
        { "add runbook @carol", 11, "@carol" },
    };

    public static TheoryData<string, IncidentCommand> ValidCommands => new()
    {
        { "escalate @bob db is on fire", new EscalateCommand("@bob", "db is on fire") },
        { "commander @carol", new CommanderCommand("@carol") },
    };

    [Theory]
    [InlineData("mail me@example.com")]
    [InlineData("add runbook")]
    [InlineData("@carol")]
    public void Text_that_does_not_end_in_a_mention_after_white_space_has_no_trailing_mention(string text) =>
        Assert.Null(Typed.Trailing(text));

    [Fact]
    public void A_platform_syntax_is_asked_first_and_typed_text_is_the_fallback()
    {
        Assert.Equal(new Person("U1", "Bo Chen"), WithBraces.Parse(" {U1|Bo Chen} "));
        Assert.Equal(new Person("bo", "bo"), WithBraces.Parse("@bo"));
        Assert.Equal(new Person("{U1|Bo Chen}", "{U1|Bo Chen}"), Typed.Parse("{U1|Bo Chen}"));
        Assert.Equal(12, WithBraces.LeadingLength("{U1|Bo Chen} db"));
        Assert.Equal(0, Typed.LeadingLength("{U1|Bo Chen} db"));
    }

    [Theory]
    [InlineData("fix {U1|Bo @x}", 3, "{U1|Bo @x}")]
    [InlineData("fix {U1|Bo} @x", 11, "@x")]
    [InlineData("fix it {U1|Bo Chen}", 6, "{U1|Bo Chen}")]
    public void The_leftmost_trailing_mention_of_any_syntax_wins(string text, int start, string token) =>
        Assert.Equal((start, token), WithBraces.Trailing(text));

    private sealed class BraceSyntax : IMentionSyntax
    {
        public Person? Parse(string token) =>
            token is ['{', .. var inner, '}'] && inner.Split('|') is [var id, var name] ? new Person(id, name) : null;

        public int LeadingLength(string text) => text.StartsWith('{') ? text.IndexOf('}', StringComparison.Ordinal) + 1 : 0;

        public (int Start, string Token)? Trailing(string text) =>
            text.TrimEnd() is var trimmed && trimmed.EndsWith('}') && trimmed.LastIndexOf(" {", StringComparison.Ordinal) is >= 0 and var start
                ? (start, trimmed[(start + 1)..])
                : null;
    }
}
