using System.Net;
using System.Net.Sockets;

namespace ScribeBot.Slack.Tests.WebApi;

public sealed partial class SlackWebApiClientTests : IAsyncLifetime
{
    private SlackApiHarness _h = null!;

    public async Task InitializeAsync() => _h = await SlackApiHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static SlackMessagePayload Payload(string text = "INC-7 started") =>
        new(text, [new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = text } }]);

    /// <summary>A call that failed: its status and the error code Slack gave, or the client named.</summary>
    private static void AssertFailedWith<T>(SlackApiResult<T> result, SlackApiStatus status, string error)
    {
        Assert.Equal(status, result.Status);
        Assert.Equal(error, result.Error);
    }

    /// <summary>The call succeeded with <paramref name="expected"/> in one request to Slack, which is returned.</summary>
    private RecordedCall AssertOkInOneCall<T>(SlackApiResult<T> result, T expected)
    {
        Assert.True(result.IsOk, result.ToString());
        Assert.Equal(expected, result.Value);
        return Assert.Single(_h.Slack.Calls);
    }

    /// <summary>The HTTP method and path of a request Slack received, as in <c>GET /api/users.info</c>.</summary>
    private static string RequestLine(RecordedCall call) => $"{call.HttpMethod} {call.Path}";

    /// <summary>Posts a message to C1 (no thread) that Slack answers with <paramref name="answer"/>.</summary>
    private async Task<SlackApiResult<string>> PostMessageAnsweredAsync(FakeResponse answer)
    {
        _h.Slack.Enqueue("chat.postMessage", answer);
        return await _h.Client.Chat.PostMessageAsync("C1", Payload(), null, CancellationToken.None);
    }

    [Fact]
    public async Task PostMessage_posts_json_with_bearer_token_channel_thread_and_link_names_false()
    {
        _h.Slack.Enqueue("chat.postMessage", FakeResponse.Fixture("webapi_chat.postMessage_ok.docs.json"));

        var result = await _h.Client.Chat.PostMessageAsync("C123ABC456", Payload(), "1503435000.000100", CancellationToken.None);

        var call = AssertOkInOneCall(result, "1503435956.000247");
        Assert.Equal("POST /api/chat.postMessage", RequestLine(call));
        Assert.Equal("Bearer " + SlackApiHarness.Token, call.Authorization);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
        var body = call.Json();
        Assert.Equal("C123ABC456", body.GetProperty("channel").GetString());
        Assert.Equal("1503435000.000100", body.GetProperty("thread_ts").GetString());
        Assert.Equal("INC-7 started", body.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.False, body.GetProperty("link_names").ValueKind);
        Assert.Equal("section", body.GetProperty("blocks")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task PostMessage_without_thread_sends_no_thread_ts()
    {
        await _h.Client.Chat.PostMessageAsync("C1", Payload(), null, CancellationToken.None);

        Assert.False(Assert.Single(_h.Slack.Calls).Json().TryGetProperty("thread_ts", out _));
    }

    [Fact]
    public async Task Ok_false_becomes_an_error_result_with_slacks_code()
    {
        var result = await PostMessageAnsweredAsync(FakeResponse.Fixture("webapi_chat.postMessage_error_too_many_attachments.docs.json"));

        AssertFailedWith(result, SlackApiStatus.Error, "too_many_attachments");
        Assert.Contains(_h.Logs.Logs, l => l.Level == LogLevel.Warning
            && l.Message.Contains("chat.postMessage", StringComparison.Ordinal)
            && l.Message.Contains("too_many_attachments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostMessage_rate_limited_returns_retry_after_and_is_not_retried()
    {
        var result = await PostMessageAnsweredAsync(FakeResponse.RateLimited("30"));

        Assert.Equal(SlackApiStatus.RateLimited, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), result.RetryAfter);
        Assert.Equal("ratelimited", result.Error);
        Assert.Single(_h.Slack.Calls);
    }

    [Fact]
    public async Task PostMessage_on_a_5xx_is_unavailable_and_is_not_retried()
    {
        var result = await PostMessageAnsweredAsync(new FakeResponse(503, "<html>down</html>", ContentType: "text/html"));

        AssertFailedWith(result, SlackApiStatus.Unavailable, "http_503");
        Assert.Single(_h.Slack.Calls);
    }

    [Fact]
    public async Task A_non_json_200_is_unavailable_not_a_crash()
    {
        var result = await PostMessageAnsweredAsync(new FakeResponse(200, "<html>captive portal</html>", ContentType: "text/html"));

        AssertFailedWith(result, SlackApiStatus.Unavailable, "invalid_response");
    }

    [Fact]
    public async Task Slack_unreachable_is_unavailable()
    {
        // A port that was free a moment ago: connection refused.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var harness = await SlackApiHarness.StartAsync(new Uri($"http://127.0.0.1:{port}/api/"));

        var result = await harness.Client.Chat.PostMessageAsync("C1", Payload(), null, CancellationToken.None);

        AssertFailedWith(result, SlackApiStatus.Unavailable, "network_error");
    }

    [Fact]
    public async Task Cancellation_by_the_caller_throws_instead_of_becoming_a_result()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _h.Client.Chat.PostMessageAsync("C1", Payload(), null, cancelled.Token));
    }

    [Fact]
    public async Task PostEphemeral_posts_channel_user_and_the_payload()
    {
        var result = await _h.Client.Chat.PostEphemeralAsync("C1", "U2", Payload("No open incident here."), CancellationToken.None);

        var call = AssertOkInOneCall(result, "1502210682.580145");
        Assert.Equal("/api/chat.postEphemeral", call.Path);
        Assert.Equal("Bearer " + SlackApiHarness.Token, call.Authorization);
        var body = call.Json();
        Assert.Equal("C1", body.GetProperty("channel").GetString());
        Assert.Equal("U2", body.GetProperty("user").GetString());
        Assert.Equal("No open incident here.", body.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.False, body.GetProperty("link_names").ValueKind);
    }

    [Fact]
    public async Task OpenConnection_uses_the_app_token_not_the_bot_token_and_returns_the_socket_url()
    {
        var result = await _h.Client.AppsConnections.OpenAsync(CancellationToken.None);

        Assert.True(result.IsOk, result.ToString());
        Assert.Equal("ws", result.Value.Scheme);
        Assert.Equal(_h.Slack.Root.Port, result.Value.Port);
        var call = Assert.Single(_h.Slack.Calls);
        Assert.Equal("POST /api/apps.connections.open", RequestLine(call));
        Assert.Equal("Bearer " + SlackApiHarness.AppToken, call.Authorization);
    }

    [Fact]
    public async Task OpenConnection_reads_slacks_documented_answer_and_reports_an_error_code()
    {
        _h.Slack.Enqueue("apps.connections.open",
            FakeResponse.Json(File.ReadAllText(Path.Combine(Fixtures.Slack.Directory, "webapi_apps.connections.open_ok.docs.json"))),
            FakeResponse.Json("""{"ok":false,"error":"invalid_auth"}"""));

        var documented = await _h.Client.AppsConnections.OpenAsync(CancellationToken.None);
        var refused = await _h.Client.AppsConnections.OpenAsync(CancellationToken.None);

        Assert.Equal(new Uri("wss://wss-somethiing.slack.com/link/?ticket=12348&app_id=5678"), documented.Value);
        Assert.False(refused.IsOk);
        Assert.Equal("invalid_auth", refused.Error);
    }

    [Fact]
    public async Task GetUser_is_a_get_with_the_user_in_the_query_and_reads_the_display_name()
    {
        var result = await _h.Client.Users.GetDisplayNameAsync("W012A3CDE", CancellationToken.None);

        var call = AssertOkInOneCall(result, "spengler");
        Assert.Equal("GET /api/users.info", RequestLine(call));
        Assert.Equal("W012A3CDE", call.Query()["user"]);
        Assert.Equal("Bearer " + SlackApiHarness.Token, call.Authorization);
    }

    [Theory]
    [InlineData("""{"ok":true,"user":{"id":"U1","name":"egon","real_name":"Egon Spengler","profile":{"display_name":"","real_name":"Egon Spengler"}}}""", "Egon Spengler")]
    [InlineData("""{"ok":true,"user":{"id":"U1","name":"egon","profile":{"display_name":" "}}}""", "egon")]
    [InlineData("""{"ok":true,"user":{"id":"U1","name":"egon","profile":{"display_name":"Dr. E"}}}""", "Dr. E")]
    public async Task GetUser_falls_back_from_display_name_to_real_name_to_name(string body, string expected)
    {
        _h.Slack.Enqueue("users.info", FakeResponse.Json(body));

        var result = await _h.Client.Users.GetDisplayNameAsync("U1", CancellationToken.None);

        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public async Task GetUser_unknown_user_is_an_error_and_is_not_retried()
    {
        _h.Slack.Enqueue("users.info", FakeResponse.Fixture("webapi_users.info_error_user_not_found.docs.json"));

        var result = await _h.Client.Users.GetDisplayNameAsync("U404", CancellationToken.None);

        Assert.Equal("user_not_found", result.Error);
        Assert.Single(_h.Slack.Calls);
    }

    [Fact]
    public async Task GetUser_rate_limited_then_ok_waits_retry_after_and_succeeds_once()
    {
        _h.Slack.Enqueue("users.info", FakeResponse.RateLimited("3"));

        var (result, waited) = await _h.RunAdvancingTimeAsync(() => _h.Client.Users.GetDisplayNameAsync("W012A3CDE", CancellationToken.None));

        Assert.True(result.IsOk, result.ToString());
        Assert.Equal("spengler", result.Value);
        Assert.Equal(2, _h.Slack.CallsTo("users.info").Count);
        Assert.True(waited >= TimeSpan.FromSeconds(3), $"retried after {waited} of fake time");
    }

    [Fact]
    public async Task A_read_gives_up_after_its_attempts_and_reports_the_last_failure()
    {
        _h.Slack.Enqueue("conversations.info",
            new FakeResponse(502, null), new FakeResponse(502, null), new FakeResponse(502, null), new FakeResponse(502, null));

        var (result, _) = await _h.RunAdvancingTimeAsync(() => _h.Client.Conversations.GetInfoAsync("C1", CancellationToken.None));

        Assert.Equal(SlackApiStatus.Unavailable, result.Status);
        Assert.Equal(SlackApiTransport.ReadAttempts, _h.Slack.Calls.Count);
    }

    [Fact]
    public async Task A_read_does_not_wait_out_a_long_rate_limit()
    {
        _h.Slack.Enqueue("chat.getPermalink", FakeResponse.RateLimited("120"));

        var result = await _h.Client.Chat.GetPermalinkAsync("C1", "1.2", CancellationToken.None);

        Assert.Equal(SlackApiStatus.RateLimited, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
        Assert.Single(_h.Slack.Calls);
    }

    [Fact]
    public async Task GetConversation_reads_name_privacy_and_membership()
    {
        var result = await _h.Client.Conversations.GetInfoAsync("C012AB3CD", CancellationToken.None);

        var call = AssertOkInOneCall(result, new SlackConversationInfo("C012AB3CD", "general", IsPrivate: false, IsMember: false));
        Assert.Equal("GET", call.HttpMethod);
        Assert.Equal("C012AB3CD", call.Query()["channel"]);

        _h.Slack.Enqueue("conversations.info", FakeResponse.Json(
            """{"ok":true,"channel":{"id":"G1","name":"sec-incident","is_private":true,"is_member":true}}"""));
        var secret = await _h.Client.Conversations.GetInfoAsync("G1", CancellationToken.None);
        Assert.Equal(new SlackConversationInfo("G1", "sec-incident", IsPrivate: true, IsMember: true), secret.Value);
    }

    [Fact]
    public async Task GetConversation_channel_not_found_is_an_error_the_caller_can_explain()
    {
        _h.Slack.Enqueue("conversations.info", FakeResponse.Fixture("webapi_conversations.info_error_channel_not_found.docs.json"));

        var result = await _h.Client.Conversations.GetInfoAsync("C404", CancellationToken.None);

        Assert.Equal("channel_not_found", result.Error);
        Assert.Contains("/invite", SlackErrorExplanation.ForUser(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_scope_names_the_needed_scope_in_the_result_and_the_log()
    {
        _h.Slack.Enqueue("conversations.join", FakeResponse.Json(
            """{"ok":false,"error":"missing_scope","needed":"channels:join","provided":"chat:write,users:read"}"""));

        var result = await _h.Client.Conversations.JoinAsync("C1", CancellationToken.None);

        Assert.Equal("missing_scope", result.Error);
        Assert.Equal("channels:join", result.NeededScope);
        Assert.Contains("channels:join", SlackErrorExplanation.ForUser(result), StringComparison.Ordinal);
        Assert.Contains(_h.Logs.Logs, l => l.Message.Contains("needed channels:join", StringComparison.Ordinal)
            && l.Message.Contains("provided chat:write,users:read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Not_in_channel_is_an_error_the_caller_can_explain()
    {
        var result = await PostMessageAnsweredAsync(FakeResponse.Fixture("webapi_error_not_in_channel.docs_conversations.rename.json"));

        Assert.Equal("not_in_channel", result.Error);
        Assert.Contains("/invite", SlackErrorExplanation.ForUser(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JoinConversation_posts_the_channel_as_json()
    {
        var result = await _h.Client.Conversations.JoinAsync("C061EG9SL", CancellationToken.None);

        var call = AssertOkInOneCall(result, "C061EG9SL");
        Assert.Equal("/api/conversations.join", call.Path);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
        Assert.Equal("C061EG9SL", call.Json().GetProperty("channel").GetString());
    }

    [Fact]
    public async Task OpenView_posts_trigger_id_and_the_view()
    {
        var view = new JsonObject { ["type"] = "modal", ["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Add to timeline" } };

        var result = await _h.Client.Views.OpenAsync("12345.98765.abcd2358fdea", view, CancellationToken.None);

        var body = AssertOkInOneCall(result, "VMHU10V25").Json();
        Assert.Equal("12345.98765.abcd2358fdea", body.GetProperty("trigger_id").GetString());
        Assert.Equal("Add to timeline", body.GetProperty("view").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public async Task GetPermalink_is_a_get_with_channel_and_message_ts()
    {
        var result = await _h.Client.Chat.GetPermalinkAsync("C1H9RESGA", "1358546515.000008", CancellationToken.None);

        Assert.Equal("https://ghostbusters.slack.com/archives/C1H9RESGA/p135854651500008", result.Value);
        var call = Assert.Single(_h.Slack.Calls);
        Assert.Equal("GET /api/chat.getPermalink", RequestLine(call));
        Assert.Equal("C1H9RESGA", call.Query()["channel"]);
        Assert.Equal("1358546515.000008", call.Query()["message_ts"]);
    }

    [Fact]
    public async Task UploadFile_gets_an_upload_url_sends_the_bytes_there_and_completes_into_the_thread()
    {
        var content = Encoding.UTF8.GetBytes("# INC-7 postmortem\n\nÄrger mit dem Cache.\n");

        var result = await _h.Client.Files.UploadAsync(
            "C1", "1503435000.000100", "INC-7-postmortem.md", "INC-7 postmortem", content, "The full draft", CancellationToken.None);

        Assert.True(result.IsOk, result.ToString());
        Assert.Equal("F123ABC456", result.Value);
        var calls = _h.Slack.Calls;
        Assert.Equal(["files.getUploadURLExternal", "upload", "files.completeUploadExternal"], calls.Select(c => c.ApiMethod));

        var getUrl = calls[0];
        Assert.Equal("POST", getUrl.HttpMethod);
        Assert.Equal("application/x-www-form-urlencoded", getUrl.ContentType);
        Assert.Equal("Bearer " + SlackApiHarness.Token, getUrl.Authorization);
        Assert.Equal("INC-7-postmortem.md", getUrl.Form()["filename"]);
        Assert.Equal(content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), getUrl.Form()["length"]);

        var upload = calls[1];
        Assert.Equal("POST " + _h.Slack.UploadUrl.AbsolutePath, RequestLine(upload));
        Assert.Equal(content, upload.Body);
        Assert.Null(upload.Authorization);

        var complete = calls[2];
        Assert.Equal("application/json; charset=utf-8", complete.ContentType);
        Assert.Equal("Bearer " + SlackApiHarness.Token, complete.Authorization);
        var body = complete.Json();
        var file = Assert.Single(body.GetProperty("files").EnumerateArray());
        Assert.Equal("F123ABC456", file.GetProperty("id").GetString());
        Assert.Equal("INC-7 postmortem", file.GetProperty("title").GetString());
        Assert.Equal("C1", body.GetProperty("channel_id").GetString());
        Assert.Equal("1503435000.000100", body.GetProperty("thread_ts").GetString());
        Assert.Equal("The full draft", body.GetProperty("initial_comment").GetString());
    }

    [Fact]
    public async Task UploadFile_stops_at_the_first_failed_step()
    {
        _h.Slack.Enqueue("files.getUploadURLExternal", FakeResponse.Fixture("webapi_files.getUploadURLExternal_error_invalid_auth.docs.json"));

        var result = await _h.Client.Files.UploadAsync("C1", null, "a.md", "a", new byte[] { 1 }, null, CancellationToken.None);

        Assert.Equal("invalid_auth", result.Error);
        Assert.Single(_h.Slack.Calls);
    }

    [Fact]
    public async Task UploadFile_when_the_upload_host_fails_does_not_complete_and_is_not_retried()
    {
        _h.Slack.Enqueue("upload", new FakeResponse(500, null));

        var result = await _h.Client.Files.UploadAsync("C1", null, "a.md", "a", new byte[] { 1 }, null, CancellationToken.None);

        Assert.Equal(SlackApiStatus.Unavailable, result.Status);
        Assert.Equal(["files.getUploadURLExternal", "upload"], _h.Slack.Calls.Select(c => c.ApiMethod));
    }

    [Fact]
    public async Task The_token_never_appears_in_any_log_line()
    {
        _h.Slack.Enqueue("chat.postMessage", FakeResponse.Error("not_in_channel"), FakeResponse.RateLimited("5"));
        _h.Slack.Enqueue("users.info", new FakeResponse(500, null), FakeResponse.Error("user_not_found"));
        await _h.Client.Chat.PostMessageAsync("C1", Payload(), null, CancellationToken.None);
        await _h.Client.Chat.PostMessageAsync("C1", Payload(), null, CancellationToken.None);
        await _h.RunAdvancingTimeAsync(() => _h.Client.Users.GetDisplayNameAsync("U1", CancellationToken.None));
        await _h.Client.Files.UploadAsync("C1", null, "a.md", "a", new byte[] { 1 }, null, CancellationToken.None);

        var logs = _h.Logs.Logs;
        Assert.Contains(logs, l => l.Message.Contains("not_in_channel", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Category == typeof(SlackHttpLogger).FullName && l.Message.Contains("pre-signed path withheld", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Category.StartsWith("System.Net.Http", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.All.Contains("SECRET-TOKEN", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.All.Contains(FakeSlack.UploadSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddSlackWebApi_registers_the_directory_behind_the_existing_seam()
    {
        var directory = _h.Services.GetRequiredService<ISlackUserDirectory>();

        Assert.IsType<SlackUserDirectory>(directory);
        Assert.Same(directory, _h.Services.GetRequiredService<ISlackUserDirectory>());
        Assert.Equal("spengler", await directory.FindDisplayNameAsync("T012AB3C4", "W012A3CDE", CancellationToken.None));
    }
}
