using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using ScribeBot.Core.Links;
using ScribeBot.Testing.Web;
using static ScribeBot.Followups.Tests.FollowupHost;

namespace ScribeBot.Followups.Tests;

// Issue 19, item 2: the postmortem editor's "Create issues" button does what /incident followups does, over real HTTP
// with the dashboard's antiforgery, through the same outbox delivery to the fake GitHub.
public sealed partial class EditorFollowupTests
{
    [Fact]
    public async Task Create_issues_makes_each_issue_once_says_what_it_queued_and_a_second_press_creates_nothing()
    {
        await using var host = await StartAsync();
        var (_, browser) = await OpenSeededEditorAsync(host);

        var form = await browser.OpenAsync();
        Assert.Contains("Creates one GitHub issue in octo/app for each task without one (2)", form.Body);
        Assert.False(form.ButtonDisabled);

        var pressed = await browser.PressAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
        var after = pressed.Headers.Location!.OriginalString;
        Assert.Contains($"followups={form.PostKey}", after, StringComparison.Ordinal);
        var answer = await browser.PageAsync(after);
        Assert.Contains("Queued 2 tasks of INC-1 for GitHub octo/app:", answer);
        Assert.Contains("- Task 2: Add a canary for checkout", answer);

        await host.WaitForLinkedAsync(2);
        await host.WaitForItemAsync(FollowupRequests.ItemId(Channel, form.PostKey));
        var done = await browser.OpenAsync(after);
        Assert.Contains("Done: each issue is linked beside its task.", done.Body);
        Assert.Contains(">octo/app#1347</a> <span class=\"muted\">(open)</span>", done.Body);
        Assert.Contains("Every task has an issue: nothing to create.", done.Body);
        Assert.True(done.ButtonDisabled);
        Assert.Equal(2, host.GitHub.Creates.Count);
        var item = await host.App.Outbox.GetAsync(FollowupRequests.ItemId(Channel, form.PostKey), CancellationToken.None);
        Assert.Equal(new Person("dashboard:local", "Local dashboard user"), Assert.IsType<FollowupsPost>(item!.Post).Requester);

        // Pressed again (a disabled button can still be posted) and the first form submitted twice: nothing new.
        var again = await browser.PressAsync(done);
        Assert.DoesNotContain("followups=", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Every task of INC-1 already has an issue (2 open)", await browser.PageAsync(again.Headers.Location!.OriginalString));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PressAsync(form)).StatusCode);
        Assert.Equal(2, host.GitHub.Creates.Count);
        Assert.Equal(2, host.GitHub.Issues("octo/app").Count);
    }

    [Fact]
    public async Task A_refusal_shows_the_setting_to_fix_on_the_page_and_leaves_the_tasks_unlinked()
    {
        await using var host = await StartAsync(repository: "octo/gone");
        var (_, browser) = await OpenSeededEditorAsync(host);

        var form = await browser.OpenAsync();
        var pressed = await browser.PressAsync(form);
        var item = await host.WaitForItemAsync(FollowupRequests.ItemId(Channel, form.PostKey));
        var page = await browser.PageAsync(pressed.Headers.Location!.OriginalString);

        Assert.Equal(OutboxState.Abandoned, item.State);
        Assert.Matches("role=\"alert\">GitHub octo/gone refused looking up the follow-ups of INC-1: [^<]*Check: Followups:GitHub:Repository", page);
        // A dashboard identity has no chat account: the answer is on the page, not a private message in the channel.
        Assert.Null(await host.App.Outbox.GetAsync(item.Id + "/report/1", CancellationToken.None));
        Assert.Empty(host.GitHub.Creates);
        Assert.All((await host.IncidentAsync()).Tasks, t => Assert.Null(t.Followup));
        // The tasks still have no issue, so the button stays for the retry after the fix.
        Assert.False((await browser.OpenAsync()).ButtonDisabled);
    }

    [Fact]
    public async Task Without_a_tracker_the_button_is_disabled_and_a_press_is_refused_naming_the_settings()
    {
        await using var app = await new ScribeBotApplication().StartKestrelAsync();
        await app.RunAsync(Channel, Alice, "start Checkout returns 502 sev2", T0);
        await app.RunAsync(Channel, Alice, "todo Alert on certificate expiry", T0.AddMinutes(1));
        var incident = (await app.Store.FindLatestIncidentAsync(Channel, CancellationToken.None))!;
        var browser = new EditorBrowser(app, incident.Id);

        var form = await browser.OpenAsync();
        Assert.True(form.ButtonDisabled);
        Assert.Contains(FollowupRequest.NotConfigured.Replace("\"", "&quot;", StringComparison.Ordinal), form.Body);

        var pressed = await browser.PressAsync(form);
        var page = await browser.PageAsync(pressed.Headers.Location!.OriginalString);

        Assert.Contains("role=\"alert\">Follow-ups are not configured for this channel. An admin sets Followups:GitHub:Token", page);
        Assert.Null(await app.Outbox.GetAsync(FollowupRequests.ItemId(Channel, form.PostKey), CancellationToken.None));
    }

    [Fact]
    public async Task A_press_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        await using var host = await StartAsync();
        var (_, browser) = await OpenSeededEditorAsync(host);
        var form = await browser.OpenAsync();

        using var forged = await browser.Client.PostFormAsync(form.Action, [new("PostKey", form.PostKey)]);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(await host.App.Outbox.GetAsync(FollowupRequests.ItemId(Channel, form.PostKey), CancellationToken.None));
        Assert.All((await host.IncidentAsync()).Tasks, t => Assert.Null(t.Followup));
        Assert.Empty(host.GitHub.Calls);
    }

    // Issue 19, item 4: the editor, the incident page and the draft show each issue's state from the tracker, read
    // through FollowupStates' cache (5 minutes of the host's clock), not the state stored when the issue was linked.
    [Fact]
    public async Task An_issue_closed_on_github_shows_as_closed_everywhere_after_the_cache_period_with_one_read_per_issue()
    {
        var clock = new FakeTimeProvider(T0.AddMinutes(10));
        await using var host = await StartAsync(clock);
        var (incident, browser) = await OpenLinkedEditorAsync(host);

        Assert.Contains(">octo/app#1347</a> <span class=\"muted\">(open)</span>", (await browser.OpenAsync()).Body);
        Assert.Equal(2, Reads(host));

        host.GitHub.Close("octo/app", 1347);
        clock.Advance(FollowupStates.CacheFor - TimeSpan.FromSeconds(1));
        // Still within the reading's five minutes: every page shows it, and GitHub is not asked again.
        Assert.Contains(">octo/app#1347</a> <span class=\"muted\">(open)</span>", (await browser.OpenAsync()).Body);
        Assert.Matches("<dt>Follow-ups</dt>\\s*<dd>2 of 2 open", await host.App.PageAsync(IncidentPages.Page(incident.Id)));
        Assert.Equal(2, Reads(host));

        clock.Advance(TimeSpan.FromSeconds(2));
        var editor = (await browser.OpenAsync()).Body;
        var page = await host.App.PageAsync(IncidentPages.Page(incident.Id));
        var markdown = await host.App.PageAsync(IncidentPages.Markdown(incident.Id));

        Assert.Contains(">octo/app#1347</a> <span class=\"muted\">(closed)</span>", editor);
        Assert.Contains(">octo/app#1348</a> <span class=\"muted\">(open)</span>", editor);
        Assert.Matches("<dt>Follow-ups</dt>\\s*<dd>1 of 2 open <span class=\"muted\">\\(issues made from the tasks; states read from the tracker\\)", page);
        Assert.Contains("](<https://github.example/octo/app/issues/1347>) (closed)", markdown);
        Assert.Contains("](<https://github.example/octo/app/issues/1348>) (open)", markdown);
        // One more read per issue for the new period, shared by the editor, the page and the download.
        Assert.Equal(4, Reads(host));
        // The stored link keeps the state seen when it was made: the reading is a view, not an edit.
        Assert.Equal(FollowupState.Open, (await host.IncidentAsync()).Tasks[0].Followup!.State);
    }

    [Fact]
    public async Task A_tracker_answering_500_shows_the_stored_state_as_last_seen_and_is_asked_once_per_period()
    {
        var clock = new FakeTimeProvider(T0.AddMinutes(10));
        await using var host = await StartAsync(clock);
        var (incident, browser) = await OpenLinkedEditorAsync(host);
        host.GitHub.Close("octo/app", 1347);
        host.GitHub.FailReads(500);

        var editor = (await browser.OpenAsync()).Body;
        var reads = Reads(host);
        var page = await host.App.PageAsync(IncidentPages.Page(incident.Id));
        var markdown = await host.App.PageAsync(IncidentPages.Markdown(incident.Id));

        Assert.Contains(">octo/app#1347</a> <span class=\"muted\">(open, as last seen)</span>", editor);
        Assert.Matches("<dt>Follow-ups</dt>\\s*<dd>2 of 2 open <span class=\"muted\">\\(issues made from the tasks; the tracker could not be read, so states are as last seen\\)", page);
        Assert.Contains("](<https://github.example/octo/app/issues/1347>) (open, as last seen)", markdown);
        Assert.InRange(reads, 2, 8);
        Assert.Equal(reads, Reads(host));
    }

    /// <summary>An incident with two tasks (the first owned by Bo), and a browser on its postmortem editor.</summary>
    private static async Task<(Incident Incident, EditorBrowser Browser)> OpenSeededEditorAsync(FollowupHost host)
    {
        var incident = await host.StartIncidentAsync("Alert on certificate expiry @Bo", "Add a canary for checkout");
        return (incident, new EditorBrowser(host.App, incident.Id));
    }

    /// <summary>As <see cref="OpenSeededEditorAsync"/>, once <c>followups</c> has linked both tasks to their issues.</summary>
    private static async Task<(Incident Incident, EditorBrowser Browser)> OpenLinkedEditorAsync(FollowupHost host)
    {
        var editor = await OpenSeededEditorAsync(host);
        await host.RunAsync("followups", 3);
        await host.WaitForLinkedAsync(2);
        return editor;
    }

    /// <summary>GitHub reads of one issue's state (<c>GET .../issues/{n}</c>).</summary>
    private static int Reads(FollowupHost host) =>
        host.GitHub.Calls.Count(c => c.Method == "GET" && IssueRead().IsMatch(c.Path));

    [GeneratedRegex("/issues/[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IssueRead();

    /// <summary>A browser on the editor (cookies, no redirects followed) and its "Create issues" form.</summary>
    private sealed partial class EditorBrowser(ScribeBotApplication app, string incidentId)
    {
        public HttpClient Client { get; } = app.CreateBrowserClient();

        public Task<EditorForm> OpenAsync() => OpenAsync(IncidentPages.Editor(incidentId));

        public async Task<EditorForm> OpenAsync(string path)
        {
            var body = await PageAsync(path);
            var form = FollowupsForm().Match(body);
            Assert.True(form.Success, "no Create issues form");
            return new EditorForm(
                body,
                WebUtility.HtmlDecode(form.Groups["action"].Value),
                Hidden(form.Value, "__RequestVerificationToken"),
                Hidden(form.Value, "PostKey"),
                form.Groups["button"].Value.Contains("disabled", StringComparison.Ordinal));
        }

        public Task<string> PageAsync(string path) => Client.PageAsync(path);

        public Task<HttpResponseMessage> PressAsync(EditorForm form) =>
            Client.PostFormAsync(form.Action, [new("__RequestVerificationToken", form.Token), new("PostKey", form.PostKey)]);

        private static string Hidden(string form, string name) =>
            WebUtility.HtmlDecode(Regex.Match(form, $"""<input[^>]*\bname="{name}"[^>]*\bvalue="(?<value>[^"]*)""").Groups["value"].Value);

        [GeneratedRegex("""<form[^>]*\baction="(?<action>[^"]*handler=Followups)"[^>]*>.*?(?<button><button[^>]*>)Create issues</button>.*?</form>""", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
        private static partial Regex FollowupsForm();
    }

    private sealed record EditorForm(string Body, string Action, string Token, string PostKey, bool ButtonDisabled);
}
