using ScribeBot.Core.Paging;

namespace ScribeBot.Tests.Web.Layout;

/// <summary>
/// One host (Berlin, the clock at <see cref="DashboardFixture.Now"/>) with what strains a layout, seeded once through
/// the core as chat would: a resolved incident with a long title holding a 60-letter word and long tagged messages;
/// a 39-second incident; a burst of tagged events at one minute; and enough incidents for a second page of the list.
/// </summary>
public sealed class ResponsiveLayoutFixture() : StartedBeforeTests<ScribeBotApplication>("Not started.")
{
    public const string LongWord = "PaymentsGatewayConnectionPoolExhaustedExceptionInEuWestOne";
    public const string LongTitle = $"Checkout returns 502 for every customer after the payments-api deploy {LongWord} sev2";

    private static readonly Person Alice = DashboardFixture.Alice;
    private static readonly Person Bo = DashboardFixture.Bo;

    public ScribeBotApplication Host => Started;

    public Incident Long { get; private set; } = null!;

    public Incident Short { get; private set; } = null!;

    public Incident Burst { get; private set; } = null!;

    protected override Task<ScribeBotApplication> StartAsync() => DashboardFixture.StartHostAsync();

    /// <summary>Seeds the incidents, through the core as chat would.</summary>
    protected override async Task StartedAsync(ScribeBotApplication host)
    {
        var now = DashboardFixture.Now;

        var c = new ChannelRef(ChatPlatform.Slack, "T1", "C-checkout-payments-eu-west-1");
        var t0 = now.AddDays(-1);
        await host.RunAsync(c, Alice, $"start {LongTitle}", t0);
        await host.SayAsync(c, "l1", Bo, $"alert: {LongWord} on every pod, 5xx at 30% since 14:02", t0.AddMinutes(1));
        await host.TagAsync(c, "l1", TimelineTag.Detection, Bo);
        await host.RunAsync(c, Bo, "ack", t0.AddMinutes(3));
        await host.SayAsync(c, "l2", Bo, "maybe the CDN is dropping connections again?", t0.AddMinutes(6));
        await host.TagAsync(c, "l2", TimelineTag.Misleading, Alice);
        await host.SayAsync(c, "l3", Alice, "rolling back payments-api to 2.14.2", t0.AddMinutes(9));
        await host.TagAsync(c, "l3", TimelineTag.Action, Alice);
        await host.RunAsync(c, Alice, $"rootcause {LongWord}: the pool was set to 5 instead of 50", t0.AddMinutes(20));
        Long = (await host.RunAsync(c, Alice, "resolve rolled back", t0.AddMinutes(42))).Incident!;

        var s = new ChannelRef(ChatPlatform.Web, "sandbox", "short");
        var t1 = now.AddHours(-5);
        await host.RunAsync(s, Alice, "start Cache flush blip sev3", t1);
        await host.SayAsync(s, "s1", Bo, "cache hit rate dropped to zero", t1.AddSeconds(4));
        await host.TagAsync(s, "s1", TimelineTag.Detection, Bo);
        await host.RunAsync(s, Bo, "ack", t1.AddSeconds(9));
        await host.SayAsync(s, "s2", Bo, "warming the cache by hand", t1.AddSeconds(21));
        await host.TagAsync(s, "s2", TimelineTag.Action, Bo);
        Short = (await host.RunAsync(s, Alice, "resolve back to normal", t1.AddSeconds(39))).Incident!;

        var b = new ChannelRef(ChatPlatform.Teams, "tenant-1", "19:burst@thread.tacv2");
        var t2 = now.AddHours(-3);
        await host.RunAsync(b, Alice, "start Search timeouts sev1", t2);
        TimelineTag[] tags = [TimelineTag.Detection, TimelineTag.Action, TimelineTag.Misleading, TimelineTag.Note, TimelineTag.KeyEvent, TimelineTag.Action];
        for (var i = 0; i < tags.Length; i++)
        {
            await host.SayAsync(b, $"b{i}", Bo, $"burst message {i}", t2.AddMinutes(2).AddSeconds(i * 5));
            await host.TagAsync(b, $"b{i}", tags[i], Bo);
        }

        await host.RunAsync(b, Bo, "ack", t2.AddMinutes(3));
        Burst = (await host.RunAsync(b, Alice, "resolve", t2.AddHours(2))).Incident!;

        for (var i = 0; i < 25; i++)
        {
            await host.RunAsync(new ChannelRef(ChatPlatform.Web, "load", $"load-{i}"), Bo, $"start Load incident {i} sev4",
                now.AddDays(-20).AddMinutes(-i));
        }

        // Paged incidents put the stats page's tables by page source and by service on it, one with a service name too
        // long for a phone.
        await PagedIncidents.SeedAsync(host, new ChannelRef(ChatPlatform.Web, "paged", "paged-1"), PageSource.PagerDuty, LongWord, now.AddDays(-2), 4, 30);
        await PagedIncidents.SeedAsync(host, new ChannelRef(ChatPlatform.Web, "paged", "paged-2"), PageSource.Alertmanager, "checkout-api", now.AddDays(-4), 6, 50);
    }
}
