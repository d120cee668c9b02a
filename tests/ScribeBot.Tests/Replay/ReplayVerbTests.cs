namespace ScribeBot.Tests.Replay;

public sealed partial class ReplayVerbTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("scribebot-replay-").FullName;

    /// <summary>
    /// The samples' drafts are goldens kept next to them (<c>samples/*.postmortem.md</c>), for people to read. Set
    /// <c>SCRIBEBOT_UPDATE_GOLDEN=1</c> to write the current output back after an intended change, then read the diff.
    /// </summary>
    [Theory]
    [InlineData("checkout-502")]
    [InlineData("search-timeouts-minimal")]
    [InlineData("pagerduty-checkout")]
    public async Task Replaying_a_sample_prints_its_golden_postmortem(string sample)
    {
        var (exit, output, errors) = await ReplayAsync(Path.Combine(RepositoryPaths.Samples, sample + ".json"));

        Assert.Equal(ReplayVerb.Ok, exit);
        Assert.Equal(string.Empty, errors);
        var golden = Path.Combine(RepositoryPaths.Samples, sample + ".postmortem.md");
        if (Environment.GetEnvironmentVariable("SCRIBEBOT_UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(golden, output);
        }

        Assert.Equal(await File.ReadAllTextAsync(golden), output);
    }

    [Fact]
    public async Task The_full_sample_reads_like_a_finished_postmortem()
    {
        var (_, output, _) = await ReplayAsync(Path.Combine(RepositoryPaths.Samples, "checkout-502.json"));
        var body = output[..output.IndexOf("## Diagram", StringComparison.Ordinal)];

        Assert.DoesNotContain("not recorded", body, StringComparison.Ordinal);
        Assert.Matches(@"Word count: \d+ \(guideline 400-600\)", body);
        Assert.Contains("- **Time lost:** About 18 minutes went to two misleading paths (", body, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(body, @"^- \d\d:\d\d - \*\*Misleading\*\*", RegexOptions.Multiline));
        Assert.Equal(2, Regex.Count(body, @"^- \d\d:\d\d - \*\*Escalation\*\*", RegexOptions.Multiline));
        foreach (Match line in TimelineLine().Matches(body))
        {
            var anchor = line.Groups["anchor"].Value;
            Assert.True(anchor.Length > 0, $"timeline line without a link: {line.Value}");
            Assert.Contains($"<a id=\"{anchor}\"></a>", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_design_example_applies_the_edit_the_delete_the_thread_and_the_reaction()
    {
        var file = await WriteAsync(DesignTranscript.With("""
            { "id": "m3", "at": "2026-03-02T14:04:40Z", "user": "Bo Chen", "text": "wrong channel, sorry" },
            { "id": "m3", "at": "2026-03-02T14:05:00Z", "user": "Bo Chen", "delete": true },
            { "id": "m4", "at": "2026-03-02T14:30:00Z", "user": "Alice Ng", "text": "/incident resolve" }
            """));

        var (exit, output, _) = await ReplayAsync(file);

        Assert.Equal(ReplayVerb.Ok, exit);
        Assert.StartsWith("# INC-1: Checkout returns 502", output, StringComparison.Ordinal);
        TextAssert.ContainsAll(
            output,
            "- 15:03 - **Detection** - Bo Chen: p99 latency is through the roof ([message](<#msg-m2>))",
            "↳ <a id=\"msg-m2\"></a>15:03 Bo Chen: p99 latency is through the roof *(edited)*",
            "from 15:02 to 15:30 Europe/Berlin (CET)");
        Assert.DoesNotContain("wrong channel", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tz_overrides_the_transcript_time_zone()
    {
        var file = await WriteAsync(Minimal("Europe/Berlin"));

        var (_, output, _) = await ReplayAsync(file, "--tz", "America/New_York");

        Assert.Contains("from 09:02 to 09:30 America/New\\_York (EST)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_time_zone_the_draft_is_in_utc()
    {
        var file = await WriteAsync(Minimal(null));

        var (_, output, _) = await ReplayAsync(file);

        Assert.Contains("from 14:02 to 14:30 UTC", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_commands_are_listed_on_standard_error_and_the_draft_still_prints()
    {
        var file = await WriteAsync("""
            { "channel": "c", "messages": [
              { "id": "1", "at": "2026-03-02T14:00:00Z", "user": "A", "text": "/incident ack" },
              { "id": "2", "at": "2026-03-02T14:02:00Z", "user": "A", "text": "/incident start Search is down" },
              { "id": "3", "at": "2026-03-02T14:03:00Z", "user": "A", "text": "/incident users lots" },
              { "id": "4", "at": "2026-03-02T14:30:00Z", "user": "A", "text": "/incident resolve" } ] }
            """);

        var (exit, output, errors) = await ReplayAsync(file);

        Assert.Equal(ReplayVerb.Ok, exit);
        Assert.StartsWith("# INC-1: Search is down", output, StringComparison.Ordinal);
        Assert.Contains("message 1 (/incident ack): There is no incident in this channel", errors, StringComparison.Ordinal);
        Assert.Contains("message 3 (/incident users lots): 'lots' is not a percentage between 0 and 100", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transcript_that_never_starts_an_incident_exits_1()
    {
        var file = await WriteAsync("""{ "channel": "c", "messages": [ { "id": "1", "at": "2026-03-02T14:00:00Z", "user": "A", "text": "hello" } ] }""");

        var (exit, output, errors) = await ReplayAsync(file);

        Assert.Equal(ReplayVerb.NothingToDraft, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("never starts an incident", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "no transcript file given")]
    [InlineData(new[] { "--tz" }, "--tz needs a time zone id")]
    [InlineData(new[] { "t.json", "--fast" }, "unknown option '--fast'")]
    [InlineData(new[] { "a.json", "b.json" }, "unexpected argument 'b.json'")]
    public async Task Bad_arguments_exit_2_with_the_usage(string[] args, string expected)
    {
        var (exit, output, errors) = await ReplayAsync(args);

        Assert.Equal(ReplayVerb.BadInput, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
        Assert.Contains("usage: replay FILE [--tz ZONE]", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_exits_2_naming_the_file()
    {
        var missing = Path.Combine(_directory, "missing.json");

        var (exit, _, errors) = await ReplayAsync(missing);

        Assert.Equal(ReplayVerb.BadInput, exit);
        Assert.StartsWith($"replay: {missing}: ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_time_zone_option_exits_2()
    {
        var file = await WriteAsync(Minimal(null));

        var (exit, _, errors) = await ReplayAsync(file, "--tz", "Mars/Olympus");

        Assert.Equal(ReplayVerb.BadInput, exit);
        Assert.Contains("--tz 'Mars/Olympus' is not an IANA time zone id", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_real_cli_exits_2_and_names_the_field_for_a_malformed_file()
    {
        var file = await WriteAsync("""{ "channel": "c", "messages": [ { "id": "1", "at": "yesterday", "user": "A", "text": "x" } ] }""");
        using var process = HostProcess.Start(["replay", file], _directory);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var error = await process.WaitForLineAsync(FieldError(), timeout.Token);
        var exit = await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, exit);
        Assert.Contains("'yesterday' is not an ISO 8601 time with an offset", error.Value, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<(int Exit, string Output, string Errors)> ReplayAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await ReplayVerb.RunAsync(args, output, errors, CancellationToken.None);
        return (exit, output.ToString(), errors.ToString());
    }

    private async Task<string> WriteAsync(string json)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(path, json);
        return path;
    }

    private static string Minimal(string? timeZone) => $$"""
        { "channel": "c", {{(timeZone is null ? "" : $"\"timeZone\": \"{timeZone}\",")}} "messages": [
          { "id": "1", "at": "2026-03-02T14:02:00Z", "user": "A", "text": "/incident start Search is down" },
          { "id": "2", "at": "2026-03-02T14:30:00Z", "user": "A", "text": "/incident resolve" } ] }
        """;

    [GeneratedRegex(@"^- \d\d:\d\d - \*\*[^*]+\*\*.*?(\(\[(?:message|command)\]\(<#(?<anchor>msg-[^>]+)>\)\))?$", RegexOptions.Multiline)]
    private static partial Regex TimelineLine();

    [GeneratedRegex(@"message 1, field ""at"".*")]
    private static partial Regex FieldError();
}
