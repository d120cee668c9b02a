using ScribeBot.Core.Postmortem.Editing;

namespace ScribeBot.Tests.Web;

/// <summary>The postmortem editor at <c>/incidents/{id}/postmortem</c> and the downloads, through the real host over HTTP.</summary>
public sealed partial class PostmortemEditorPageTests : IAsyncLifetime
{
    private const string EscapedId = "slack%3AT1%3A1";

    private ScribeBotApplication _host = null!;
    private EditorScenario _editor = null!;
    private Incident _seeded = null!;

    public async Task InitializeAsync()
    {
        _host = await new ScribeBotApplication().StartKestrelAsync();
        _editor = new EditorScenario(_host);
        _seeded = await _editor.SeedAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static Dictionary<string, string> Changes(params (string Name, string Value)[] changes) =>
        changes.ToDictionary(c => c.Name, c => c.Value, StringComparer.Ordinal);

    private async Task<string> StoredStateAsync()
    {
        var incident = await _editor.IncidentAsync();
        var timeline = await _host.Store.GetTimelineAsync(incident.Id, CancellationToken.None);
        return JsonSerializer.Serialize(new { incident, timeline });
    }

    private async Task<string> DownloadAsync(string extension)
    {
        var (status, body) = await _editor.GetAsync($"incidents/{EscapedId}/postmortem.{extension}");
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    // ---- GET ----

    [Fact]
    public async Task The_page_shows_the_rendered_draft_and_a_form_filled_with_the_incidents_fields()
    {
        var page = await _editor.OpenEditorAsync(_seeded.Id);

        // The draft, rendered by Markdig: headings, the tasks as a checkbox list, links to the source messages.
        TextAssert.ContainsAll(
            page.Body,
            "<h1>INC-1: Checkout returns 502</h1>",
            "<h2>Issue Summary</h2>",
            "<h2>Timeline</h2>",
            "<h2>Corrective and Preventative Measures</h2>",
            "type=\"checkbox\"",
            "href=\"https://example.slack.com/archives/C1/p3\"");

        // The diagram is the timeline picture (2x, shown at 1x size), never the Mermaid source the .md keeps.
        Assert.Matches(
            $"<figure class=\"timeline-picture\"><img src=\"/incidents/{Regex.Escape(EscapedId)}/timeline.png\\?scale=2\" alt=\"Timeline of INC-1: Checkout returns 502\\. From [^\"]+\" width=\"960\" height=\"\\d+\" /></figure>",
            page.Body);
        Assert.DoesNotContain("language-mermaid", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("gantt", page.Body, StringComparison.Ordinal);
        using var picture = await _editor.Client.GetAsync(new Uri($"incidents/{EscapedId}/timeline.png?scale=2", UriKind.Relative));
        Assert.Equal("image/png", picture.Content.Headers.ContentType?.MediaType);

        // The form, pre-filled.
        var form = page.SaveForm(Changes());
        string Field(string name) => form.Single(f => f.Key == name).Value;
        Assert.Equal("alert on 5xx rate", Field("DetectionMethod"));
        Assert.Equal("card payments failed", Field("Impact"));
        Assert.Equal("", Field("UsersAffectedPercent"));
        Assert.Equal("connection pool exhausted", Field("RootCause"));
        Assert.Equal("", Field("Resolution"));
        Assert.Equal("Alert on pool saturation", Field("Improvements"));
        Assert.Equal("Raise the pool size", Field("Tasks[0].Text"));
        Assert.Equal("bo", Field("Tasks[0].Owner"));
        Assert.Equal("", Field("Tasks[1].Text"));

        // Forms post back to this page, ids escaped; the downloads sit next to it.
        Assert.Equal($"/incidents/{EscapedId}/postmortem?handler=Save", page.SaveAction);
        Assert.Equal($"/incidents/{EscapedId}/postmortem?handler=Post", page.PostAction);
        Assert.Contains($"href=\"/incidents/{EscapedId}/postmortem.md\"", page.Body, StringComparison.Ordinal);
        Assert.Contains($"href=\"/incidents/{EscapedId}/postmortem.html\"", page.Body, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{32}$", page.PostKey);
    }

    [Fact]
    public async Task Each_page_view_gets_a_new_post_to_channel_key()
    {
        var first = await _editor.OpenEditorAsync(_seeded.Id);
        var second = await _editor.OpenEditorAsync(_seeded.Id);

        Assert.NotEqual(first.PostKey, second.PostKey);
    }

    [Theory]
    [InlineData("incidents/slack%3AT1%3A99/postmortem")]
    [InlineData("incidents/slack%3AT1%3A99/postmortem.html")]
    [InlineData("incidents/slack%3AT1%3A99/postmortem.md")]
    [InlineData("incidents/nothing/postmortem")]
    public async Task An_unknown_incident_is_404(string path)
    {
        var (status, _) = await _editor.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Saving_or_posting_for_an_unknown_incident_is_404()
    {
        var page = await _editor.OpenEditorAsync(_seeded.Id);

        using var save = await _editor.PostFormAsync("incidents/slack%3AT1%3A99/postmortem?handler=Save", page.SaveForm(Changes(("Impact", "x"))));
        using var post = await _editor.PostFormAsync("incidents/slack%3AT1%3A99/postmortem?handler=Post",
            [new("__RequestVerificationToken", page.Token), new("PostKey", page.PostKey)]);

        Assert.Equal(HttpStatusCode.NotFound, save.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    // ---- Save ----

    [Fact]
    public async Task A_valid_save_redirects_with_a_notice_and_the_edit_is_in_the_page_the_downloads_and_the_history()
    {
        var page = await _editor.OpenEditorAsync(_seeded.Id);

        using var response = await _editor.PostFormAsync(page.SaveAction, page.SaveForm(Changes(
            ("RootCause", "A deploy halved the DB connection pool"),
            ("UsersAffectedPercent", "12.5%"),
            ("Improvements", "Alert on pool saturation\r\n\r\nLoad-test config changes\r\n"),
            ("Tasks[1].Text", "Add a canary stage"),
            ("Tasks[1].Owner", "@Priya Raman"))));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal($"/incidents/{EscapedId}/postmortem", response.Headers.Location?.OriginalString);

        var after = await _editor.OpenEditorAsync(_seeded.Id);
        Assert.Contains("Saved: users affected, root cause, improvements, tasks.", after.Body, StringComparison.Ordinal);
        Assert.Contains("A deploy halved the DB connection pool", after.Body, StringComparison.Ordinal);
        Assert.Contains("12.5%", after.Body, StringComparison.Ordinal);
        // The notice is shown once (post/redirect/get), not on every later view.
        Assert.DoesNotContain("Saved:", (await _editor.OpenEditorAsync(_seeded.Id)).Body, StringComparison.Ordinal);

        var incident = await _editor.IncidentAsync();
        Assert.Equal("A deploy halved the DB connection pool", incident.RootCause);
        Assert.Equal(12.5m, incident.UsersAffectedPercent);
        Assert.Equal(["Alert on pool saturation", "Load-test config changes"], incident.Improvements);
        Assert.Equal([new IncidentTask("Raise the pool size", "bo") { Number = 1 }, new IncidentTask("Add a canary stage", "Priya Raman") { Number = 2 }], incident.Tasks);
        Assert.Equal(_seeded.Impact, incident.Impact);

        var markdown = await DownloadAsync("md");
        Assert.Contains("A deploy halved the DB connection pool", markdown, StringComparison.Ordinal);
        Assert.Contains("- [ ] Add a canary stage (owner: Priya Raman)", markdown, StringComparison.Ordinal);
        Assert.Contains("A deploy halved the DB connection pool", await DownloadAsync("html"), StringComparison.Ordinal);

        // The incident's history records each edit; the draft's timeline does not.
        var history = (await _host.Store.GetTimelineAsync(incident.Id, CancellationToken.None)).Where(PostmortemHistory.IsHistory).ToArray();
        Assert.Equal(
            ["Users affected edited in the dashboard", "Root cause edited in the dashboard", "Improvements edited in the dashboard", "Tasks edited in the dashboard"],
            history.Select(e => e.Text));
        Assert.All(history, e => Assert.Equal(EntrySource.Command, e.Source));
        Assert.All(history, e => Assert.Equal("Local dashboard user", e.Author.DisplayName));
        Assert.DoesNotContain("in the dashboard", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_an_unchanged_form_stores_nothing_and_says_so()
    {
        var page = await _editor.OpenEditorAsync(_seeded.Id);
        var before = await StoredStateAsync();

        using var response = await _editor.PostFormAsync(page.SaveAction, page.SaveForm(Changes()));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Contains("Nothing to save", (await _editor.OpenEditorAsync(_seeded.Id)).Body, StringComparison.Ordinal);
        Assert.Equal(before, await StoredStateAsync());
    }

    [Fact]
    public async Task An_invalid_save_shows_each_specific_error_next_to_its_field_and_stores_nothing()
    {
        var page = await _editor.OpenEditorAsync(_seeded.Id);
        var before = await StoredStateAsync();

        using var response = await _editor.PostFormAsync(page.SaveAction, page.SaveForm(Changes(
            ("UsersAffectedPercent", "150"),
            ("RootCause", new string('x', 4000)),
            ("Impact", "typed but not saved"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Nothing was saved", body, StringComparison.Ordinal);
        Assert.Matches("""<div class="error" id="UsersAffectedPercent-error">&#x27;150&#x27; is not a percentage between 0 and 100.</div>""", body);
        Assert.Matches("""<div class="error" id="RootCause-error">The root cause is 4000 characters long; the limit is 3000\.""", body);
        // What the person typed is still in the form, so nothing is lost.
        var form = EditorPage.Parse(body).SaveForm(Changes());
        Assert.Equal("typed but not saved", form.Single(f => f.Key == "Impact").Value);
        Assert.Equal("150", form.Single(f => f.Key == "UsersAffectedPercent").Value);
        Assert.Equal(before, await StoredStateAsync());
    }

    [Fact]
    public async Task A_percentage_that_is_not_a_number_is_refused_with_its_own_message()
    {
        var page = await _editor.OpenEditorAsync(_seeded.Id);
        var before = await StoredStateAsync();

        using var response = await _editor.PostFormAsync(page.SaveAction, page.SaveForm(Changes(("UsersAffectedPercent", "about half"))));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("&#x27;about half&#x27; is not a percentage between 0 and 100.", body, StringComparison.Ordinal);
        Assert.Equal(before, await StoredStateAsync());
    }

    [Fact]
    public async Task A_task_row_with_an_owner_but_no_text_is_refused()
    {
        var page = await _editor.OpenEditorAsync(_seeded.Id);

        using var response = await _editor.PostFormAsync(page.SaveAction, page.SaveForm(Changes(("Tasks[2].Owner", "@bo"))));

        Assert.Contains("Task 2 has an owner (bo) but no text: say what needs doing.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_typed_in_the_channel_while_the_form_was_open_is_kept()
    {
        var page = await _editor.OpenEditorAsync(_seeded.Id);
        await _editor.RunAsync("todo Write the runbook @alice");
        await _editor.RunAsync("rootcause pool size halved by a config change");

        using var response = await _editor.PostFormAsync(page.SaveAction, page.SaveForm(Changes(("Resolution", "Restored the pool size"))));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var incident = await _editor.IncidentAsync();
        Assert.Equal("Restored the pool size", incident.Resolution);
        Assert.Equal("pool size halved by a config change", incident.RootCause);
        Assert.Equal([new IncidentTask("Raise the pool size", "bo") { Number = 1 }, new IncidentTask("Write the runbook", "alice") { Number = 2 }], incident.Tasks);
    }

    [Fact]
    public async Task A_field_changed_in_the_channel_and_in_the_form_is_a_conflict_the_person_resolves_by_saving_again()
    {
        var page = await _editor.OpenEditorAsync(_seeded.Id);
        await _editor.RunAsync("rootcause pool size halved by a config change");

        using var first = await _editor.PostFormAsync(page.SaveAction, page.SaveForm(Changes(("RootCause", "my version"))));
        var body = await first.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Root cause was changed elsewhere", body, StringComparison.Ordinal);
        Assert.Equal("pool size halved by a config change", (await _editor.IncidentAsync()).RootCause);

        var again = EditorPage.Parse(body);
        using var second = await _editor.PostFormAsync(again.SaveAction, again.SaveForm(Changes()));

        Assert.Equal(HttpStatusCode.Found, second.StatusCode);
        Assert.Equal("my version", (await _editor.IncidentAsync()).RootCause);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_with_400()
    {
        var page = await _editor.OpenEditorAsync(_seeded.Id);
        var before = await StoredStateAsync();
        var withoutToken = page.SaveForm(Changes(("RootCause", "forged"))).Where(f => f.Key != "__RequestVerificationToken").ToList();

        using var save = await _editor.PostFormAsync(page.SaveAction, withoutToken);
        using var post = await _editor.PostFormAsync(page.PostAction, [new("PostKey", page.PostKey)]);

        Assert.Equal(HttpStatusCode.BadRequest, save.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(before, await StoredStateAsync());
    }

    // ---- Post to channel ----

    [Fact]
    public async Task Post_to_channel_twice_with_the_same_key_enqueues_one_outbox_item()
    {
        var page = await _editor.OpenEditorAsync(_seeded.Id);
        var pending = (await _host.Outbox.CountPendingAsync(CancellationToken.None)).GetValueOrDefault(ChatPlatform.Slack);
        List<KeyValuePair<string, string>> form = [new("__RequestVerificationToken", page.Token), new("PostKey", page.PostKey)];

        using var first = await _editor.PostFormAsync(page.PostAction, form);
        using var second = await _editor.PostFormAsync(page.PostAction, form);

        Assert.Equal(HttpStatusCode.Found, first.StatusCode);
        Assert.Equal(HttpStatusCode.Found, second.StatusCode);
        Assert.Equal(pending + 1, (await _host.Outbox.CountPendingAsync(CancellationToken.None)).GetValueOrDefault(ChatPlatform.Slack));
        var item = await _host.Outbox.GetAsync(PostmortemEditor.PostItemId(EditorScenario.Channel, page.PostKey), CancellationToken.None);
        Assert.NotNull(item);
        Assert.Equal(new Core.Commands.PostmortemPost(EditorScenario.Channel, _seeded.Id), item.Post);
        Assert.Contains("queued for the channel", (await _editor.OpenEditorAsync(_seeded.Id)).Body, StringComparison.Ordinal);

        // A new page view is a new request: it posts again.
        var next = await _editor.OpenEditorAsync(_seeded.Id);
        using var third = await _editor.PostFormAsync(next.PostAction, [new("__RequestVerificationToken", next.Token), new("PostKey", next.PostKey)]);
        Assert.Equal(pending + 2, (await _host.Outbox.CountPendingAsync(CancellationToken.None)).GetValueOrDefault(ChatPlatform.Slack));
    }

    [Fact]
    public async Task Post_to_channel_with_a_malformed_key_posts_nothing_and_asks_again()
    {
        var page = await _editor.OpenEditorAsync(_seeded.Id);
        var pending = (await _host.Outbox.CountPendingAsync(CancellationToken.None)).GetValueOrDefault(ChatPlatform.Slack);

        using var response = await _editor.PostFormAsync(page.PostAction, [new("__RequestVerificationToken", page.Token), new("PostKey", "x")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This form is out of date", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(pending, (await _host.Outbox.CountPendingAsync(CancellationToken.None)).GetValueOrDefault(ChatPlatform.Slack));
    }

    // ---- downloads ----

    [Fact]
    public async Task The_html_download_is_one_self_contained_attachment_with_the_edit()
    {
        var page = await _editor.OpenEditorAsync(_seeded.Id);
        using var save = await _editor.PostFormAsync(page.SaveAction, page.SaveForm(Changes(("Resolution", "Restored the pool size"))));
        Assert.Equal(HttpStatusCode.Found, save.StatusCode);

        using var response = await _editor.Client.GetAsync(new Uri($"incidents/{EscapedId}/postmortem.html", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("INC-1-postmortem.html", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains("<title>INC-1: Checkout returns 502 - postmortem</title>", html, StringComparison.Ordinal);
        Assert.Contains("Restored the pool size", html, StringComparison.Ordinal);

        // The diagram is the timeline picture inside the file (issue 17: raw Mermaid source is never shown to a
        // reader); the CSP of the response lets exactly that data: image load.
        var img = Assert.Single(Regex.Matches(html, "<img [^>]*>"));
        var png = Regex.Match(img.Value, "src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");
        Assert.True(png.Success, img.Value);
        using (var bitmap = ScribeBot.Tests.Pictures.PngFile.Decode(Convert.FromBase64String(png.Groups[1].Value)))
        {
            Assert.Equal(1920, bitmap.Width);
        }

        TextAssert.ContainsAll(img.Value, "alt=\"Timeline of INC-1: Checkout returns 502. From ", "width=\"960\"");
        TextAssert.ContainsNone(html, "language-mermaid", "gantt");
        Assert.Contains("img-src data:", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // Nothing is loaded from anywhere: no scripts, stylesheets, other images, frames or CSS imports; http(s)
        // appears only as the target of a link to a source message.
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, Regex.Count(html, "src=", RegexOptions.IgnoreCase));
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        var references = HttpReference().Matches(html).Select(m => m.Value).ToArray();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.StartsWith("<a href=\"https://example.slack.com/", r, StringComparison.Ordinal));
        Assert.Equal(references.Length, Regex.Count(html, "https?://"));
    }

    [Fact]
    public async Task The_html_download_keeps_in_document_links_to_the_transcript_working()
    {
        // A message with no permalink (the web sandbox, replay) links its timeline line to its transcript line.
        var incident = await _editor.IncidentAsync();
        var entry = new TimelineEntry
        {
            IncidentId = incident.Id,
            MessageId = "m9",
            At = incident.Declared.At.AddMinutes(2),
            Author = new Person("U2", "Bo"),
            Text = "p99 is through the roof",
            Permalink = MessageAnchor.Href("m9"),
            Marks = [new TagMark(TimelineTag.Detection, "U2")],
        };
        await _host.Store.AppendEntryAsync(entry, CancellationToken.None);

        var html = await DownloadAsync("html");

        Assert.Contains($"<a href=\"#{MessageAnchor.Id("m9")}\">message</a>", html, StringComparison.Ordinal);
        Assert.Contains($"<li id=\"{MessageAnchor.Id("m9")}\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;a id=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_text_is_encoded_in_the_page_and_in_both_downloads()
    {
        const string Attack = "<script>alert(1)</script>";
        var page = await _editor.OpenEditorAsync(_seeded.Id);
        using var save = await _editor.PostFormAsync(page.SaveAction, page.SaveForm(Changes(
            ("Impact", Attack),
            ("Tasks[1].Text", "<img src=x onerror=alert(2)>"),
            ("Tasks[1].Owner", "\"><b>owner</b>"))));
        Assert.Equal(HttpStatusCode.Found, save.StatusCode);
        Assert.Equal(Attack, (await _editor.IncidentAsync()).Impact);

        var body = (await _editor.OpenEditorAsync(_seeded.Id)).Body;
        var markdown = await DownloadAsync("md");
        var html = await DownloadAsync("html");

        foreach (var rendered in new[] { body, markdown, html })
        {
            Assert.DoesNotContain("<script>alert", rendered, StringComparison.Ordinal);
            // The one image is the timeline picture (the HTML's own figure); the typed <img> stays text.
            Assert.DoesNotContain("<img src=x", rendered, StringComparison.Ordinal);
            Assert.Equal(rendered == markdown ? 0 : 1, Regex.Count(rendered, "<img "));
            Assert.DoesNotContain("<b>owner", rendered, StringComparison.Ordinal);
        }

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", body, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", markdown, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        // The form shows it back as text too (encoded in the text area and the input's value).
        var form = EditorPage.Parse(body).SaveForm(Changes());
        Assert.Equal(Attack, form.Single(f => f.Key == "Impact").Value);
        Assert.Equal("\"><b>owner</b>", form.Single(f => f.Key == "Tasks[1].Owner").Value);
    }

    [GeneratedRegex("""<[^>]*https?://[^>]*>""", RegexOptions.CultureInvariant)]
    private static partial Regex HttpReference();
}
