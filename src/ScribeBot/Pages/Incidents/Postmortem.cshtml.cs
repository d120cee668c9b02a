using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Followups;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Links;
using ScribeBot.Core.Postmortem.Building;
using ScribeBot.Core.Postmortem.Editing;
using ScribeBot.Core.Postmortem.Markdown;
using ScribeBot.Core.Postmortem.Picture;
using ScribeBot.Core.Storage;
using ScribeBot.Web;
using ScribeBot.Web.Dashboard;
using ScribeBot.Core.Text;

namespace ScribeBot.Pages.Incidents;

/// <summary>
/// <c>/incidents/{id}/postmortem</c>: the current draft, a form for the facts the bot could not know, and "post to
/// channel". Saves go through the core's <see cref="PostmortemEditor"/> (validation, history, the channel lock) and
/// redirect on success (post/redirect/get), so a reload never saves twice. "Create issues" is <c>/incident followups</c>
/// (<see cref="FollowupRequests"/>); the tasks' issue states are read live (<see cref="FollowupStates"/>, cached).
/// </summary>
public sealed class PostmortemModel(
    IIncidentStore store, PostmortemEditor editor, MentionReader mentions, IEnumerable<IPeopleDirectory> people, ITimelinePicture picture,
    FollowupRequests followups, FollowupStates states, IOutboxStore outbox) : PageModel
{
    /// <summary>Blank task rows under the existing ones: more rows appear after each save, no script needed.</summary>
    public const int BlankTaskRows = 3;

    [BindProperty]
    public string? DetectionMethod { get; set; }

    [BindProperty]
    public string? Impact { get; set; }

    /// <summary>Text, so "12%", "12.5" and a typo all reach us and get our own answer.</summary>
    [BindProperty]
    public string? UsersAffectedPercent { get; set; }

    [BindProperty]
    public string? RootCause { get; set; }

    [BindProperty]
    public string? Resolution { get; set; }

    /// <summary>One improvement per line.</summary>
    [BindProperty]
    public string? Improvements { get; set; }

    [BindProperty]
    public List<TaskRow> Tasks { get; set; } = [];

    /// <summary>The fields' fingerprint when the form was filled (<see cref="PostmortemEdit.Basis"/>).</summary>
    [BindProperty]
    public string? Basis { get; set; }

    /// <summary>The idempotency key of "post to channel", new on every GET: a double submit posts once.</summary>
    [BindProperty]
    public string? PostKey { get; set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The answer to "Create issues" (what it queued, or that there was nothing to create).</summary>
    [TempData]
    public string? FollowupNotice { get; set; }

    /// <summary>"Create issues" refused at once: no tracker for the channel, naming the settings.</summary>
    [TempData]
    public string? FollowupRefusal { get; set; }

    public FollowupPanel Followups { get; private set; } = null!;

    public Incident Incident { get; private set; } = null!;

    /// <summary>The draft as HTML from Markdig with raw HTML off: safe to write unencoded.</summary>
    public string DraftHtml { get; private set; } = "";

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors { get; private set; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    public string? PostError { get; private set; }

    public string PagePath => IncidentPages.Page(Incident.Id);

    public string MarkdownPath => IncidentPages.Markdown(Incident.Id);

    public string HtmlPath => IncidentPages.Html(Incident.Id);

    public IReadOnlyList<string> ErrorsFor(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];

    /// <param name="followups">The key of a "Create issues" press, after its redirect: the page says what became of it.</param>
    public async Task<IActionResult> OnGetAsync(string id, string? followups, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken, followups))
        {
            return NotFound();
        }

        Fill(PostmortemEdit.From(Incident, mentions));
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string id, CancellationToken cancellationToken)
    {
        if (!TryReadPercent(out var percent, out var percentError))
        {
            if (!await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }

            Errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [PostmortemFields.UsersAffectedPercent] = [percentError] };
            PadTaskRows();
            return Page();
        }

        var edit = new PostmortemEdit
        {
            DetectionMethod = DetectionMethod,
            Impact = Impact,
            UsersAffectedPercent = percent,
            RootCause = RootCause,
            Resolution = Resolution,
            Improvements = (Improvements ?? "").ReplaceLineEndings("\n").Split('\n')
                .Where(line => !string.IsNullOrWhiteSpace(line)).ToArray(),
            Tasks = Tasks
                .Where(row => !string.IsNullOrWhiteSpace(row.Text) || !string.IsNullOrWhiteSpace(row.Owner))
                // The row's number keeps an edited task the same task, so its tracker issue stays its issue.
                .Select(row => new IncidentTask(row.Text ?? "", row.Owner) { Number = row.Number }).ToArray(),
            Basis = Basis,
        };

        var result = await editor.SaveAsync(id, edit, Editor(User), cancellationToken);
        switch (result.Status)
        {
            case PostmortemEditStatus.NotFound:
                return NotFound();
            case PostmortemEditStatus.Invalid:
                await LoadAsync(id, cancellationToken);
                Errors = result.Errors;
                Fill(result.Form!);
                return Page();
            case PostmortemEditStatus.Unchanged:
                Notice = "Nothing to save: the form matched the stored draft.";
                return RedirectToPage(new { id });
            default:
                Notice = "Saved: " + string.Join(", ", result.ChangedFields.Select(PostmortemFields.Label)).ToLowerInvariant() + ".";
                return RedirectToPage(new { id });
        }
    }

    public async Task<IActionResult> OnPostPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(PostKey, "N", out _))
        {
            if (!await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }

            Fill(PostmortemEdit.From(Incident, mentions));
            PostError = "This form is out of date. The page has been reloaded; press \"Post to channel\" again.";
            return Page();
        }

        if (!await editor.PostToChannelAsync(id, Editor(User), PostKey!, cancellationToken))
        {
            return NotFound();
        }

        Notice = "The draft is queued for the channel; it appears there as soon as the chat platform accepts it.";
        return RedirectToPage(new { id });
    }

    /// <summary>"Create issues": exactly what <c>/incident followups</c> does, its answer shown after the redirect.</summary>
    public async Task<IActionResult> OnPostFollowupsAsync(string id, CancellationToken cancellationToken)
    {
        // The form's key makes a double submit queue once; a form without one still gets its press, under a new key.
        var key = Guid.TryParseExact(PostKey, "N", out _) ? PostKey! : Guid.NewGuid().ToString("N");
        if (await followups.QueueAsync(id, Editor(User), key, cancellationToken) is not { } asked)
        {
            return NotFound();
        }

        if (asked.Tracker is null)
        {
            FollowupRefusal = asked.Answer.ToPlainString();
            return RedirectToPage(new { id });
        }

        FollowupNotice = asked.Answer.ToPlainString();
        return asked.Queues ? RedirectToPage(new { id, followups = key }) : RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken, string? pressedKey = null)
    {
        var incident = await store.GetIncidentAsync(id, cancellationToken);
        if (incident is null)
        {
            return false;
        }

        var entries = await store.GetTimelineAsync(incident.Id, cancellationToken);
        (incident, entries) = await PeopleNames.ApplyAsync(people, incident, entries, cancellationToken);
        Followups = await FollowupPanel.LoadAsync(followups.Preview(incident), outbox, pressedKey, cancellationToken);
        // Live issue states for the task rows and the preview; the stored ones, marked, when the tracker cannot be read.
        incident = await states.ShowAsync(incident, cancellationToken);
        Incident = incident;
        var draft = PostmortemDraft.Build(incident, entries);
        // The preview shows the picture where the Markdown has its Mermaid source (which stays in the .md download).
        DraftHtml = PostmortemHtml.RenderFragment(PostmortemMarkdown.Render(draft), DraftPicture.Linked(picture.Describe(incident, draft.Diagram), incident.Id));
        PostKey = Guid.NewGuid().ToString("N");
        return true;
    }

    private void Fill(PostmortemEdit edit)
    {
        DetectionMethod = edit.DetectionMethod;
        Impact = edit.Impact;
        UsersAffectedPercent = edit.UsersAffectedPercent?.ToString("0.##########", CultureInfo.InvariantCulture);
        RootCause = edit.RootCause;
        Resolution = edit.Resolution;
        Improvements = string.Join('\n', edit.Improvements);
        Tasks = edit.Tasks.Select(t => new TaskRow
        {
            Text = t.Text,
            Owner = t.Owner,
            Number = t.Number,
            Followup = Incident.Tasks.FirstOrDefault(known => known.Number == t.Number && t.Number > 0)?.Followup,
        }).ToList();
        Basis = edit.Basis;
        PadTaskRows();
    }

    private void PadTaskRows()
    {
        Tasks.RemoveAll(row => string.IsNullOrWhiteSpace(row.Text) && string.IsNullOrWhiteSpace(row.Owner));
        for (var i = 0; i < BlankTaskRows; i++)
        {
            Tasks.Add(new TaskRow());
        }
    }

    private bool TryReadPercent(out decimal? percent, out string error)
    {
        percent = null;
        error = "";
        var text = UsersAffectedPercent?.Trim().TrimEnd('%').TrimEnd() ?? "";
        if (text.Length == 0)
        {
            return true;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            percent = value;
            return true;
        }

        error = $"'{TextShortener.Shorten(text)}' is not a percentage between 0 and 100. Write a number like 12 or 12.5.";
        return false;
    }

    /// <summary>
    /// Who the history names. A signed-in user by their name and id; without sign-in only loopback gets here, so the
    /// person is "the local dashboard".
    /// </summary>
    private static Person Editor(ClaimsPrincipal user)
    {
        if (user.Identity is { IsAuthenticated: true } identity)
        {
            var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub") ?? identity.Name ?? "dashboard";
            var name = identity.Name ?? user.FindFirstValue("name") ?? user.FindFirstValue(ClaimTypes.Email) ?? id;
            return new Person(id, name);
        }

        return new Person("dashboard:local", "Local dashboard user");
    }

    /// <summary>One row of the task table: what to do, and who owns it (optional; <c>@name</c> works too).</summary>
    public sealed class TaskRow
    {
        public string? Text { get; set; }
        public string? Owner { get; set; }

        /// <summary>The task's number (hidden in the form): 0 for a new row.</summary>
        public int Number { get; set; }

        /// <summary>The task's tracker issue, shown beside the row; not posted back (the incident keeps it).</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
        public FollowupLink? Followup { get; set; }
    }
}
