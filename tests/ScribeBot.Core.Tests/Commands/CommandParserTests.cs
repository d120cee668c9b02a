namespace ScribeBot.Core.Tests.Commands;

public sealed class CommandParserTests
{
    public static TheoryData<string, IncidentCommand> ValidCommands => new()
    {
        { "start Checkout 502 SEV1", new StartCommand("Checkout 502", Severity.Sev1) },
        { "start Checkout returns 502 sev2", new StartCommand("Checkout returns 502", Severity.Sev2) },
        { "start Checkout returns 502", new StartCommand("Checkout returns 502", Severity.Sev3) },
        { "START   Login is slow   sev4  ", new StartCommand("Login is slow", Severity.Sev4) },
        { "ack", new AcknowledgeCommand() },
        { "acknowledge", new AcknowledgeCommand() },
        { "detected PagerDuty alert at 14:02", new DetectedCommand("PagerDuty alert", new TimeOnly(14, 2)) },
        { "detected customer tweets", new DetectedCommand("customer tweets", null) },
        { "began 9:05", new BeganCommand(new TimeOnly(9, 5)) },
        { "began at 09:05", new BeganCommand(new TimeOnly(9, 5)) },
        { "began 23:59", new BeganCommand(new TimeOnly(23, 59)) },
        { "recovered", new RecoveredCommand(null) },
        { "recovered at 11:30", new RecoveredCommand(new TimeOnly(11, 30)) },
        { "recovered 7:05", new RecoveredCommand(new TimeOnly(7, 5)) },
        { "recover at 23:59", new RecoveredCommand(new TimeOnly(23, 59)) },
        { "update rolling back the deploy", new UpdateCommand("rolling back the deploy") },
        { "impact checkout fails for EU users", new ImpactCommand("checkout fails for EU users") },
        { "users 12%", new UsersAffectedCommand(12m) },
        { "users 12.5", new UsersAffectedCommand(12.5m) },
        { "users 0", new UsersAffectedCommand(0m) },
        { "users 100 %", new UsersAffectedCommand(100m) },
        { "escalate @bob", new EscalateCommand("@bob", null) },
        { "misleading suspected the CDN", new EventCommand(EventKind.Misleading, "suspected the CDN") },
        { "action restarted pods", new EventCommand(EventKind.Action, "restarted pods") },
        { "note the graphs lag 5 minutes", new EventCommand(EventKind.Note, "the graphs lag 5 minutes") },
        { "rootcause expired TLS certificate", new RootCauseCommand("expired TLS certificate") },
        { "root-cause expired TLS certificate", new RootCauseCommand("expired TLS certificate") },
        { "resolution renewed the certificate", new ResolutionCommand("renewed the certificate") },
        { "improve alert on certificate expiry", new ImproveCommand("alert on certificate expiry") },
        { "todo add alert on p99 @alice", new TodoCommand("add alert on p99", "@alice") },
        { "todo fix it", new TodoCommand("fix it", null) },
        { "severity sev1", new SeverityCommand(Severity.Sev1) },
        { "severity 2", new SeverityCommand(Severity.Sev2) },
        { "sev 4", new SeverityCommand(Severity.Sev4) },
        { "tz Europe/Berlin", new TimeZoneCommand("Europe/Berlin") },
        { "timezone America/New_York", new TimeZoneCommand("America/New_York") },
        { "status", new StatusCommand() },
        { "catchup", new CatchupCommand() },
        { "catch-up", new CatchupCommand() },
        { "timeline", new TimelineCommand() },
        { "resolve", new ResolveCommand(null) },
        { "resolve rolled back to v41", new ResolveCommand("rolled back to v41") },
        { "postmortem", new PostmortemCommand() },
        { "reopen", new ReopenCommand() },
        { "help", new HelpCommand(null) },
        { "help acknowledge", new HelpCommand("ack") },
        { "", new HelpCommand(null) },
        { "   ", new HelpCommand(null) },
        { "stats", new StatsCommand(CommandParser.DefaultStatsDays) },
        { "stats 7", new StatsCommand(7) },
        { "stats 90d", new StatsCommand(90) },
    };

    [Theory]
    [MemberData(nameof(ValidCommands))]
    public void Valid_text_parses_to_its_command(string text, IncidentCommand expected)
    {
        var result = CommandParser.Parse(text);

        Assert.Null(result.Error);
        Assert.Equal(expected, result.Command);
    }

    public static TheoryData<string, string[]> InvalidCommands => new()
    {
        { "start sev2", ["title"] },
        { "start", ["title"] },
        { "start Checkout down sev5", ["sev5", "sev1, sev2, sev3 or sev4"] },
        { "detected x at 25:00", ["25:00", "time of day"] },
        { "detected", ["'detected'", "needs some text"] },
        { "began noon", ["noon", "time of day"] },
        { "recovered at noon", ["'noon' is not a time of day", "/incident recovered [at HH:MM]"] },
        { "recovered 25:00", ["'25:00' is not a time of day"] },
        { "began", ["when impact began"] },
        { "began 24:00", ["24:00"] },
        { "users 101%", ["101%", "between 0 and 100"] },
        { "users -3", ["-3", "between 0 and 100"] },
        { "users many", ["many", "percentage"] },
        { "users", ["share of users"] },
        { "escalate", ["who you escalated to"] },
        { "update", ["'update'", "needs some text"] },
        { "impact", ["'impact'", "needs some text"] },
        { "misleading", ["'misleading'"] },
        { "action", ["'action'"] },
        { "note", ["'note'"] },
        { "rootcause", ["'rootcause'"] },
        { "resolution", ["'resolution'"] },
        { "improve", ["'improve'"] },
        { "todo", ["'todo'"] },
        { "severity", ["which severity"] },
        { "severity sev0", ["sev0", "not a severity"] },
        { "severity critical", ["critical", "not a severity"] },
        { "commander", ["who takes command"] },
        { "tz", ["which time zone"] },
        { "tz Mars/Olympus", ["Mars/Olympus", "IANA"] },
        { "tz Central Standard Time", ["Central Standard Time", "IANA"] },
        { "stats 0", ["'0'", "number of days"] },
        { "stats abc", ["abc", "number of days"] },
        { "stats -5", ["-5", "number of days"] },
        { "frobnicate now", ["frobnicate", "/incident help"] },
    };

    [Theory]
    [MemberData(nameof(InvalidCommands))]
    public void Invalid_text_gets_an_error_naming_what_is_wrong(string text, string[] expectedWords)
    {
        var result = CommandParser.Parse(text);

        Assert.Null(result.Command);
        Assert.NotNull(result.Error);
        foreach (var word in expectedWords)
        {
            Assert.Contains(word, result.Error, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("start")]
    [InlineData("detected")]
    [InlineData("update")]
    [InlineData("impact")]
    [InlineData("escalate")]
    [InlineData("misleading")]
    [InlineData("action")]
    [InlineData("note")]
    [InlineData("rootcause")]
    [InlineData("resolution")]
    [InlineData("improve")]
    [InlineData("todo")]
    [InlineData("resolve")]
    [InlineData("commander")]
    public void A_10000_character_argument_is_refused_with_a_short_error_naming_the_limit(string verb)
    {
        var result = CommandParser.Parse($"{verb} {new string('x', 10_000)}");

        Assert.Null(result.Command);
        Assert.NotNull(result.Error);
        Assert.Contains("10000 characters", result.Error, StringComparison.Ordinal);
        var limit = verb == "start" ? CommandParser.MaxTitleLength : CommandParser.MaxTextLength;
        Assert.Contains(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Error, StringComparison.Ordinal);
        Assert.True(result.Error.Length < 300, $"error is {result.Error.Length} characters long");
    }

    [Theory]
    [InlineData("began")]
    [InlineData("users")]
    [InlineData("severity")]
    [InlineData("tz")]
    [InlineData("stats")]
    [InlineData("x")]
    public void A_10000_character_bad_value_is_echoed_only_in_part(string verb)
    {
        var result = CommandParser.Parse($"{verb}{(verb == "x" ? "" : " ")}{new string('y', 10_000)}");

        Assert.NotNull(result.Error);
        Assert.Contains("yyyy", result.Error, StringComparison.Ordinal);
        Assert.True(result.Error.Length < 300, $"error is {result.Error.Length} characters long");
    }

    [Fact]
    public void A_todo_owner_is_held_to_the_text_limit_too()
    {
        var result = CommandParser.Parse($"todo fix it @{new string('a', 10_000)}");

        Assert.NotNull(result.Error);
        Assert.Contains($"limit is {CommandParser.MaxTextLength}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_at_the_limit_is_accepted_and_one_character_more_is_refused()
    {
        Assert.Equal(
            new EventCommand(EventKind.Note, new string('n', CommandParser.MaxTextLength)),
            CommandParser.Parse($"note {new string('n', CommandParser.MaxTextLength)}").Command);
        Assert.Contains("3001 characters", CommandParser.Parse($"note {new string('n', CommandParser.MaxTextLength + 1)}").Error, StringComparison.Ordinal);

        Assert.Equal(
            new StartCommand(new string('t', CommandParser.MaxTitleLength), Severity.Sev3),
            CommandParser.Parse($"start {new string('t', CommandParser.MaxTitleLength)}").Command);
        Assert.Contains("201 characters", CommandParser.Parse($"start {new string('t', CommandParser.MaxTitleLength + 1)}").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_verb_names_the_verb_and_points_to_help()
    {
        var error = CommandParser.Parse("deploy now please").Error;

        Assert.Equal("I don't know the command 'deploy'. Try /incident help for the list of commands.", error);
    }

    [Fact]
    public void Every_verb_in_the_usage_table_is_understood_by_the_parser()
    {
        foreach (var (verb, _, _) in CommandUsage.Verbs)
        {
            var error = CommandParser.Parse(verb).Error;
            Assert.True(error is null || !error.Contains("don't know", StringComparison.Ordinal), $"'{verb}' is unknown to the parser");
        }
    }

    [Fact]
    public void Parse_never_throws_and_returns_exactly_one_of_command_or_error()
    {
        var random = new Random(20260302);
        var verbs = CommandUsage.Verbs.Select(v => v.Verb).Concat(["acknowledge", "root-cause", "timezone", "sev", "task", "START", ""]).ToArray();
        for (var i = 0; i < 5000; i++)
        {
            var text = random.Next(3) == 0
                ? RandomText(random)
                : $"{verbs[random.Next(verbs.Length)]}{RandomSeparator(random)}{RandomText(random)}";

            var result = Fuzz.Parse(text, () => Describe(text));
            Assert.True(
                (result.Command is null) != (result.Error is null),
                $"expected exactly one of command and error for {Describe(text)}");
            if (result.Error is not null)
            {
                Assert.False(string.IsNullOrWhiteSpace(result.Error));
                Assert.True(result.Error.Length < 400, $"error of {result.Error.Length} characters for {Describe(text)}");
            }
        }
    }

    private static string RandomSeparator(Random random) => random.Next(6) switch
    {
        0 => "\t",
        1 => "\n",
        2 => "  ",
        3 => "\u00a0",
        _ => " ",
    };

    private static readonly string[] Fragments =
    [
        "sev", "sev1", "sev5", "SEV9999999999", "at", "at 14:02", " at 25:99", "12%", "101%", "-3", "12.5", "%", "@alice",
        "<@U1|bob>", "<@", "<at>", "</at>", "<at>Bo</at>", ":", "::", "99:99", "0", "d", "7d", "Europe/Berlin", "../../etc/passwd",
        "\0", "\u200b", "\ud83d\udd25", "\ud800", "\udc00", "\u0663\u0663", "\u2028", "İ", "ß", "é",
    ];

    private static string RandomText(Random random)
    {
        var builder = new System.Text.StringBuilder();
        var parts = random.Next(0, 8);
        for (var p = 0; p < parts; p++)
        {
            switch (random.Next(5))
            {
                case 0:
                    builder.Append(Fragments[random.Next(Fragments.Length)]);
                    break;
                case 1:
                    builder.Append(new string((char)random.Next(0x21, 0x7f), random.Next(1, random.Next(2) == 0 ? 20 : 6000)));
                    break;
                case 2:
                    builder.AppendRandomUnits(random, 30, 0x10000);
                    break;
                case 3:
                    builder.AppendRandomUnits(random, 10, 0x20);
                    break;
                default:
                    builder.Append(RandomSeparator(random));
                    break;
            }

            if (random.Next(2) == 0)
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }

    private static string Describe(string text) =>
        text.Length <= 80 ? $"\"{text}\"" : $"\"{text[..80]}...\" ({text.Length} chars)";
}
