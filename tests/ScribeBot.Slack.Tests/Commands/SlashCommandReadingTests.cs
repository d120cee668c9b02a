namespace ScribeBot.Slack.Tests.Commands;

public sealed class SlashCommandReadingTests
{
    private const string Form = "application/x-www-form-urlencoded";
    private static readonly DateTimeOffset RequestAt = DateTimeOffset.FromUnixTimeSeconds(1_531_420_618);
    private readonly SlackInboundReader _reader = new("UBOT", "BBOT");

    private SlackSlashCommand Read(byte[] body) => Assert.IsType<SlackSlashCommand>(_reader.ReadHttp(Form, body, RequestAt, null));

    private static byte[] FormOf(string text) => Encoding.UTF8.GetBytes(
        "token=x&team_id=T1&channel_id=C1&user_id=U1&user_name=alice&command=%2Fincident&trigger_id=111.222.abc"
        + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1%2F1%2Fx&text=" + Uri.EscapeDataString(text));

    [Fact]
    public void Slacks_weather_example_becomes_a_command_request_at_the_request_time()
    {
        var command = Read(Fixtures.Slack.Bytes("slash_command_weather.slack_docs_example.form.txt"));

        Assert.Equal("/weather", command.Command);
        Assert.Equal("94070", command.Request.Text);
        Assert.Equal(new ChannelRef(ChatPlatform.Slack, "T0001", "C2147483705"), command.Request.Channel);
        Assert.Equal(new Person("U2147483697", "Steve"), command.Request.Caller);
        Assert.Equal("13345224609.738474920.8088930838d88f008e0", command.Request.RequestId);
        Assert.Equal(command.TriggerId, command.Request.RequestId);
        Assert.Equal("https://hooks.slack.com/commands/1234/5678", command.ResponseUrl);
        Assert.Equal(RequestAt, command.Request.At);
    }

    [Theory]
    [InlineData("slash_command_hello_world_text.bolt_python_test.form.txt", "/hello-world", "Hi", "W111", "111.111.xxx")]
    [InlineData("slash_command_hello_enterprise.modified_real.java_sdk_test.form.txt", "/hello", "", "W111", "111.222.xxx")]
    [InlineData("signing_example.slack_docs.body.txt", "/webhook-collect", "", "U2CERLKJA", "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")]
    public void Every_published_slash_command_form_is_read(string fixture, string name, string text, string userId, string triggerId)
    {
        var command = Read(Fixtures.Slack.Bytes(fixture));

        Assert.Equal(name, command.Command);
        Assert.Equal(text, command.Request.Text);
        Assert.Equal(userId, command.Request.Caller.Id);
        Assert.Equal(triggerId, command.Request.RequestId);
        Assert.StartsWith("https://hooks.slack.com/commands/", command.ResponseUrl, StringComparison.Ordinal);
    }

    [Fact]
    public void Multi_word_text_with_plus_encoded_spaces_is_kept_whole()
    {
        var body = Encoding.UTF8.GetBytes("team_id=T1&channel_id=C1&user_id=U1&command=%2Fincident&trigger_id=t&text=start+db+is+down+sev2");

        Assert.Equal("start db is down sev2", Read(body).Request.Text);
    }

    [Fact]
    public void User_mentions_stay_one_token_for_the_grammar_and_the_rest_is_decoded()
    {
        var command = Read(FormOf("escalate <@U0DANA|dana> db on-call &amp; <#C9|payments> &lt;now&gt; <https://grafana.example/d/1|dash>"));

        Assert.Equal("escalate <@U0DANA|dana> db on-call & #payments <now> dash (https://grafana.example/d/1)", command.Request.Text);
    }

    [Fact]
    public void Known_names_fill_the_caller_and_nameless_mentions()
    {
        var names = new Dictionary<string, string> { ["U1"] = "Alice Ng", ["U0DANA"] = "Dana Okafor" };

        var command = Assert.IsType<SlackSlashCommand>(_reader.ReadHttp(Form, FormOf("commander <@U0DANA>"), RequestAt, null, names));

        Assert.Equal(new Person("U1", "Alice Ng"), command.Request.Caller);
        Assert.Equal("commander <@U0DANA|Dana Okafor>", command.Request.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("text=start")]
    [InlineData("team_id=T1&channel_id=C1&user_id=U1&text=start&trigger_id=t")]
    [InlineData("command=%2Fincident&channel_id=C1&user_id=U1&text=start&trigger_id=t")]
    [InlineData("command=%2Fincident&team_id=T1&channel_id=C1&user_id=U1&text=start")]
    [InlineData("command=%2Fincident&team_id=T1&channel_id=&user_id=U1&text=start&trigger_id=t")]
    [InlineData("%%%===&&&")]
    public void Forms_missing_a_required_field_are_malformed(string body)
    {
        Assert.IsType<SlackMalformed>(_reader.ReadHttp(Form, Encoding.UTF8.GetBytes(body), RequestAt, null));
    }

    [Fact]
    public void A_slash_command_over_socket_mode_reads_like_the_form()
    {
        var receivedAt = DateTimeOffset.FromUnixTimeSeconds(1_610_000_000);

        var envelope = _reader.ReadSocketFrame(Fixtures.Slack.Bytes("socketmode_envelope_slash_commands.json"), receivedAt);

        Assert.Equal("1d3c79ab-0ffb-41f3-a080-d19e85f53649", envelope.EnvelopeId);
        var command = Assert.IsType<SlackSlashCommand>(envelope.Inbound);
        Assert.Equal("/hello-socket-mode", command.Command);
        Assert.Equal(new ChannelRef(ChatPlatform.Slack, "T111", "C111"), command.Request.Channel);
        Assert.Equal(new Person("U111", "testxyz"), command.Request.Caller);
        Assert.Equal(receivedAt, command.Request.At);
        Assert.Equal("111.222.xxx", command.TriggerId);
    }
}
