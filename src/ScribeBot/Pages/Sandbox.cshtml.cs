using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ScribeBot.Core.Configuration;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Paging;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Time;
using ScribeBot.Web.Sandbox;

namespace ScribeBot.Pages;

/// <summary>
/// <c>/sandbox</c>: a web channel to try ScribeBot in without Slack or Teams. Every form posts, then redirects back
/// (post/redirect/get); refused input is shown with the page answering 422 and changes nothing. ScribeBot's posts
/// arrive through the outbox after the redirect, so a small script asks <c>/sandbox/feed</c> for a newer feed every
/// second; without script, reloading shows them.
/// </summary>
internal sealed class SandboxModel(
    SandboxChannel sandbox,
    SandboxFeed feed,
    SandboxEmoji emoji,
    SandboxPager pager,
    IIncidentStore store,
    IOptions<ScribeOptions> options) : PageModel
{
    public const string UserCookie = "scribebot-sandbox-user";
    public const string SimulateAnchor = "simulate";
    private static readonly TimeSpan RememberName = TimeSpan.FromDays(30);

    /// <summary>The channel's name, from the query string or the forms' hidden field.</summary>
    [BindProperty(SupportsGet = true, Name = "channel")]
    public string? ChannelInput { get; set; }

    public string Channel { get; private set; } = SandboxInput.DefaultChannel;

    /// <summary>The name this browser posts as (its cookie), if it picked a valid one.</summary>
    public string? UserName { get; private set; }

    /// <summary>What was typed, shown again when it was refused.</summary>
    public string? Draft { get; private set; }

    public string? NameInput { get; private set; }

    public Incident? Incident { get; private set; }

    public SandboxFeedView Feed { get; private set; } = null!;

    public IReadOnlyList<SandboxReaction> Reactions => emoji.Choices;

    public string PageUrl => SandboxChannel.PageUrl(Channel);

    /// <summary>The page <paramref name="source"/>'s buttons act on in this channel, if one fired and is not resolved.</summary>
    public SimulatedAlert? SimulatedPage(PageSource source) => pager.Current(Channel, source);

    public string TimeZoneId => options.Value.TimeZone;

    /// <summary>The channel name that was refused, when the page shows the naming rule instead of a channel.</summary>
    public string? RefusedChannel { get; private set; }

    public IEnumerable<string> ErrorsFor(string field) =>
        ModelState.TryGetValue(field, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await ReadInputAsync(cancellationToken).ConfigureAwait(false) ?? Page();

    /// <summary><c>GET /sandbox/feed?channel=...&amp;after=version</c>: the feed list, or 204 when nothing changed since.</summary>
    public IActionResult OnGetFeed(long? after)
    {
        if (!SandboxInput.TryChannel(ChannelInput, out var channel))
        {
            return BadRequest(SandboxInput.ChannelRule);
        }

        Channel = channel;
        UserName = CurrentUser();
        Feed = ViewOfFeed();
        return after == Feed.Snapshot.Version ? new NoContentResult() : Partial("_SandboxFeed", Feed);
    }

    public async Task<IActionResult> OnPostNameAsync(string? name, CancellationToken cancellationToken)
    {
        if (await ReadInputAsync(cancellationToken).ConfigureAwait(false) is { } invalid)
        {
            return invalid;
        }

        if (!SandboxInput.TryUserName(name, out var valid, out var error))
        {
            NameInput = name;
            return Refused("name", error);
        }

        Response.Cookies.Append(UserCookie, valid, new CookieOptions
        {
            Path = SandboxChannel.PagePath,
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            MaxAge = RememberName,
        });
        return Redirect(PageUrl + "#compose");
    }

    public async Task<IActionResult> OnPostMessageAsync(string? text, CancellationToken cancellationToken)
    {
        if (await ReadInputAsync(cancellationToken).ConfigureAwait(false) is { } invalid)
        {
            return invalid;
        }

        var siteBase = new Uri($"{Request.Scheme}://{Request.Host}{Request.PathBase}");
        var result = await sandbox.PostAsync(Channel, UserName, text, siteBase, cancellationToken).ConfigureAwait(false);
        if (result.Error is { } error)
        {
            Draft = text;
            return Refused(UserName is null ? "name" : "text", error);
        }

        return Redirect(PageUrl + "#compose");
    }

    public async Task<IActionResult> OnPostReactAsync(string? messageId, string? emoji, CancellationToken cancellationToken)
    {
        if (await ReadInputAsync(cancellationToken).ConfigureAwait(false) is { } invalid)
        {
            return invalid;
        }

        var result = await sandbox.ToggleReactionAsync(Channel, UserName, messageId, emoji, cancellationToken).ConfigureAwait(false);
        if (result.Error is { } error)
        {
            return Refused(UserName is null ? "name" : "reaction", error);
        }

        return Redirect(PageUrl + "#" + MessageAnchor.Id(messageId!));
    }

    /// <summary>The "simulate a page" control: one event of a PagerDuty- or Alertmanager-shaped page, through the page intake.</summary>
    public async Task<IActionResult> OnPostPageAsync(string? simulate, CancellationToken cancellationToken)
    {
        if (await ReadInputAsync(cancellationToken).ConfigureAwait(false) is { } invalid)
        {
            return invalid;
        }

        var result = await pager.SimulateAsync(Channel, UserName, simulate, cancellationToken).ConfigureAwait(false);
        return result.Error is { } error ? Refused("page", error) : Redirect(PageUrl + "#" + SimulateAnchor);
    }

    /// <summary>Reads the channel, the user and what the page shows; a result when the channel name is not one.</summary>
    private async Task<IActionResult?> ReadInputAsync(CancellationToken cancellationToken)
    {
        if (!SandboxInput.TryChannel(ChannelInput, out var channel))
        {
            // Still 400, but a page in the layout with the rule and a way back: the name came from a link or a typo,
            // and a bare "400" left the person nowhere (issue 15, item 5).
            RefusedChannel = ChannelInput ?? "";
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }

        Channel = channel;
        UserName = CurrentUser();
        var channelRef = SandboxChannel.ChannelOf(channel);
        Incident = await store.FindOpenIncidentAsync(channelRef, cancellationToken).ConfigureAwait(false)
            ?? await store.FindLatestIncidentAsync(channelRef, cancellationToken).ConfigureAwait(false);
        Feed = ViewOfFeed();
        return null;
    }

    private PageResult Refused(string field, string error)
    {
        ModelState.AddModelError(field, error);
        var page = Page();
        page.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return page;
    }

    private SandboxFeedView ViewOfFeed() =>
        new(Channel, UserName, feed.Read(SandboxChannel.ChannelOf(Channel), UserName), emoji.Choices, IncidentTimeZone.TryFind(TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc);

    private string? CurrentUser() =>
        Request.Cookies.TryGetValue(UserCookie, out var cookie) && SandboxInput.TryUserName(cookie, out var name, out _) ? name : null;
}
