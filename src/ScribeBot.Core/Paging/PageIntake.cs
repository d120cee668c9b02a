using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScribeBot.Core.Caching;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Configuration;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Paging.Routing;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Paging;

/// <summary>
/// Takes pages in from the pager adapters: routes each to its channel (<see cref="PageRouter"/>), then, under the
/// channel's lock, records it on the incident that has the page, attaches it to the open incident, declares one
/// (<see cref="PageRoute.Declare"/>) or posts a notice. Every change is stored with its entries and posts in one commit
/// before the task completes, so the adapter answers the source only once nothing can be lost; a retried webhook finds
/// its entry and changes nothing.
/// </summary>
public sealed partial class PageIntake
{
    private readonly PageRouter _router;
    private readonly IIncidentStore _store;
    private readonly IOutboxStore _outbox;
    private readonly OutboxSignal _signal;
    private readonly ChannelLocks _locks;
    private readonly TimeProvider _timeProvider;
    private readonly IOptions<ScribeOptions> _options;
    private readonly ILogger<PageIntake> _logger;
    private readonly PendingPages? _pending;
    private readonly PageHomes? _homes;

    // Each unrouted page is logged once, not on every retry and repeat notification of it.
    private readonly BoundedCache<string, byte> _unroutedLogged = new(1024, StringComparer.Ordinal);

    // pending: where a Declare: false route's page waits for a /incident start; null when the store keeps no adapter
    // state, and such pages are then only announced. homes: the channel each page went to; null routes every event
    // afresh (an event that carries no labels, such as a PagerDuty note, then needs a route that matches it).
    public PageIntake(
        PageRouter router,
        IIncidentStore store,
        IOutboxStore outbox,
        OutboxSignal signal,
        ChannelLocks locks,
        TimeProvider timeProvider,
        IOptions<ScribeOptions> options,
        ILogger<PageIntake> logger,
        PendingPages? pending = null,
        PageHomes? homes = null)
    {
        _router = router;
        _store = store;
        _outbox = outbox;
        _signal = signal;
        _locks = locks;
        _timeProvider = timeProvider;
        _options = options;
        _logger = logger;
        _pending = pending;
        _homes = homes;
    }

    /// <summary>
    /// Routes and records each page, in the order of its own timestamps (a webhook batch may list them in any order);
    /// durable when the task completes. A page no route matches is counted and kept nowhere.
    /// </summary>
    public Task<PageIntakeResult> ReceiveAsync(IReadOnlyList<PageEvent> pages, CancellationToken cancellationToken) =>
        ReceiveAsync(pages, _router.Find, cancellationToken);

    /// <summary>
    /// Records each page on <paramref name="route"/> instead of the configured routes, otherwise exactly as
    /// <see cref="ReceiveAsync(IReadOnlyList{PageEvent}, CancellationToken)"/>: for pages that already know their
    /// channel, such as the sandbox's simulated ones and a replayed transcript's, which no operator wrote a route for.
    /// </summary>
    public Task<PageIntakeResult> ReceiveAsync(IReadOnlyList<PageEvent> pages, PageRoute route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        return ReceiveAsync(pages, _ => route, cancellationToken);
    }

    private async Task<PageIntakeResult> ReceiveAsync(
        IReadOnlyList<PageEvent> pages, Func<PageEvent, PageRoute?> routeOf, CancellationToken cancellationToken)
    {
        int recorded = 0, duplicates = 0, unrouted = 0;
        foreach (var page in pages.OrderBy(p => p.At))
        {
            var home = await HomeRouteAsync(page, cancellationToken).ConfigureAwait(false);
            if ((home ?? routeOf(page)) is not { } route)
            {
                unrouted++;
                LogUnroutedOnce(page);
                continue;
            }

            bool applied;
            await using (await _locks.AcquireAsync(route.Channel.Key, cancellationToken).ConfigureAwait(false))
            {
                applied = await ApplyAsync(page, route, seenBefore: home is not null, cancellationToken).ConfigureAwait(false);
            }

            if (applied)
            {
                if (home is null && _homes is not null)
                {
                    await _homes.NoteAsync(PageLink.KeyOf(page.Source, page.AlertId), route.Channel, cancellationToken).ConfigureAwait(false);
                }

                recorded++;
                LogRecorded(page.Source, page.Action, page.AlertId, route.Channel.Key, route.Index);
            }
            else
            {
                duplicates++;
            }
        }

        return new PageIntakeResult(recorded, duplicates, unrouted);
    }

    // A page already recorded somewhere goes back there, on the route configured for that channel if there still is
    // one (its Declare and ResolveWithAlert), else on one that declares nothing.
    private async Task<PageRoute?> HomeRouteAsync(PageEvent page, CancellationToken ct)
    {
        if (_homes is null
            || await _homes.FindAsync(PageLink.KeyOf(page.Source, page.AlertId), ct).ConfigureAwait(false) is not { } channel)
        {
            return null;
        }

        return _router.Routes.FirstOrDefault(r => r.Channel == channel && (r.Source is null || r.Source == page.Source))
            ?? PageRoute.To(channel, declare: false);
    }

    // seenBefore: the page was recorded in this channel already (it has a home there).
    private async Task<bool> ApplyAsync(PageEvent page, PageRoute route, bool seenBefore, CancellationToken ct)
    {
        var link = PageLink.Of(page);
        var open = await _store.FindOpenIncidentAsync(route.Channel, ct).ConfigureAwait(false);
        var latest = open ?? await _store.FindLatestIncidentAsync(route.Channel, ct).ConfigureAwait(false);
        var owner = open is not null && open.Records(link) ? open : latest is not null && latest.Records(link) ? latest : null;
        if (owner is not null)
        {
            // The trigger is recorded already (a retry, Alertmanager's repeat notification, or a later event came first).
            if (page.Action == PageAction.Triggered
                || await _store.GetEntryAsync(owner.Id, PageEntries.EventId(page), ct).ConfigureAwait(false) is not null)
            {
                return false;
            }

            await CommitAsync(PageEvents.Apply(owner, page, route), page, ct).ConfigureAwait(false);
            return true;
        }

        // The page belongs to an older incident of the channel (or was only announced): a late event of it must not
        // attach it to whatever incident is open now.
        if (seenBefore)
        {
            return false;
        }

        if (open is not null)
        {
            var attached = PageEvents.Attach(open, link);
            var change = attached.Then(PageEvents.AnnounceAttached(attached.Incident, link)).Then(PageEvents.Apply(attached.Incident, page, route));
            await CommitAsync(change, page, ct).ConfigureAwait(false);
            return true;
        }

        if (page.Action == PageAction.Resolved)
        {
            // It resolved before anything here recorded it: say so, and keep nothing.
            return await NoticeAsync(route, page, new ChatTextBuilder()
                .Strong($"{page.Source.ToLabel()} page resolved: ").Plain($"{link.Description}. No incident was open for it here.")
                .Build(), ct).ConfigureAwait(false);
        }

        if (!route.Declare)
        {
            return page.Action == PageAction.Triggered && await NoteAsync(route, page, link, ct).ConfigureAwait(false);
        }

        return await DeclareAsync(page, route, link, ct).ConfigureAwait(false);
    }

    private async Task<bool> DeclareAsync(PageEvent page, PageRoute route, PageLink link, CancellationToken ct)
    {
        var now = _timeProvider.GetUtcNow();
        var pager = PagePeople.Source(page.Source);
        var declaredId = $"page:{link.Key}/declared";
        var result = await _store.OpenIncidentAsync(
            route.Channel,
            number =>
            {
                var title = TextShortener.Shorten(link.Service is { Length: > 0 } service ? $"{service}: {link.Title}" : link.Title, IncidentLimits.MaxTitleLength);
                var declared = Incident.Declare(route.Channel, number, title, route.SeverityOf(page), _options.Value.TimeZone, new Milestone(now, pager, declaredId))
                    with { Commander = null };
                var attached = PageEvents.Attach(declared, link);
                var incident = attached.Incident;
                var entry = PageEntries.Declared(incident, declaredId, now, pager);
                return new IncidentWithEntries(incident with { CommandSequence = 2 }, [.. attached.Entries, entry])
                {
                    Outbox = OutboxItem.For(declaredId, [PageEvents.AnnounceDeclared(incident, link)], incident.Id, now),
                };
            },
            ct).ConfigureAwait(false);

        if (!result.Opened)
        {
            // Only another writer outside the channel's lock could open one meanwhile; record the page on it.
            return await ApplyAsync(page, route, seenBefore: false, ct).ConfigureAwait(false);
        }

        _signal.Notify();
        LogDeclared(result.Incident.Id, page.Source, page.AlertId, route.Channel.Key);
        if (page.Action != PageAction.Triggered)
        {
            await CommitAsync(PageEvents.Apply(result.Incident, page, route), page, ct).ConfigureAwait(false);
        }

        return true;
    }

    private async Task<bool> NoteAsync(PageRoute route, PageEvent page, PageLink link, CancellationToken ct)
    {
        var text = new ChatTextBuilder()
            .Strong($"{page.Source.ToLabel()} page: ").Plain($"{link.Description}. ")
            .Plain(_pending is null
                ? "/incident start opens an incident here."
                : "/incident start within the hour opens an incident here with its detection and clocks taken from this page.")
            .Build();
        if (_pending is not null)
        {
            await _pending.NoteAsync(route.Channel, link, ct).ConfigureAwait(false);
        }

        return await NoticeAsync(route, page, text, ct).ConfigureAwait(false);
    }

    // A notice belongs to no incident; its outbox id is the event's, so a retried webhook enqueues nothing new.
    private async Task<bool> NoticeAsync(PageRoute route, PageEvent page, ChatText text, CancellationToken ct)
    {
        var items = OutboxItem.For(PageEntries.EventId(page), [new AnnouncementPost(route.Channel, text)], incidentId: null, _timeProvider.GetUtcNow());
        await _outbox.EnqueueAsync(items, ct).ConfigureAwait(false);
        _signal.Notify();
        return true;
    }

    private async Task CommitAsync(PageChange change, PageEvent page, CancellationToken ct)
    {
        var incident = change.Incident with { CommandSequence = change.Incident.CommandSequence + change.Entries.Count };
        var posts = OutboxItem.For(PageEntries.EventId(page), change.Posts, incident.Id, _timeProvider.GetUtcNow());
        await _store.SaveIncidentAsync(incident, change.Entries, posts, ct).ConfigureAwait(false);
        if (posts.Count > 0)
        {
            _signal.Notify();
        }
    }

    private void LogUnroutedOnce(PageEvent page)
    {
        var key = PageLink.KeyOf(page.Source, page.AlertId);
        if (!_unroutedLogged.TryGetValue(key, out _) && _logger.IsEnabled(LogLevel.Warning))
        {
            _unroutedLogged.Set(key, 0);
            LogUnrouted(page.Source.ToLabel(), page.AlertId, TextShortener.Shorten(page.Title, TextShortener.LogLength),
                string.Join(", ", page.Labels.Take(12).Select(l => TextShortener.Shorten($"{l.Name}={l.Value}", TextShortener.LogLength))));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source} page {AlertId} (\"{Title}\") matches no route in Alerts:Routes and was not kept; its labels: {Labels}")]
    private partial void LogUnrouted(string source, string alertId, string title, string labels);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source} page event {Action} of {AlertId} recorded in {Channel} (route {Route})")]
    private partial void LogRecorded(PageSource source, PageAction action, string alertId, string channel, int route);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId} declared from {Source} page {AlertId} in {Channel}")]
    private partial void LogDeclared(string incidentId, PageSource source, string alertId, string channel);
}
