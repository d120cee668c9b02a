namespace ScribeBot.Tests.Web;

/// <summary>
/// One host with incidents on every platform, severity and status, seeded once for the page tests (which only read):
/// <list type="bullet">
/// <item>Checkout (Slack, SEV2, resolved, 3 days ago): detection, misleading, edited action, deleted message, root cause.</item>
/// <item>Search (Teams, SEV3, acknowledged, 2 days ago).</item>
/// <item>Hostile (web, SEV1, resolved, 26 hours ago): a title and a message that are HTML.</item>
/// <item>Login (Slack, SEV4, triggered, 10 days ago).</item>
/// <item>26 load incidents (web, SEV4, triggered, 20 days ago and older), for paging.</item>
/// </list>
/// </summary>
public sealed class DashboardFixture() : StartedBeforeTests<ScribeBotApplication>("Not started.")
{
    public const string HostileTitle = "<img src=x onerror=alert(1)>";
    public const string HostileMessage = "<script>alert('x')</script> & co";
    public const string SlackPermalink = "https://acme.slack.com/archives/C1/p1700000000000500";
    public const int LoadIncidents = 26;

    public static readonly ChannelRef SlackChannel = new(ChatPlatform.Slack, "T1", "C1");
    public static readonly ChannelRef SlackOther = new(ChatPlatform.Slack, "T1", "C2");
    public static readonly ChannelRef TeamsChannel = new(ChatPlatform.Teams, "tenant-1", "19:general@thread.tacv2");
    public static readonly ChannelRef WebChannel = new(ChatPlatform.Web, "sandbox", "sandbox");

    public static readonly Person Alice = new("U1", "Alice Ng");
    public static readonly Person Bo = new("U2", "Bo Chen");
    public static readonly Person Dana = new("U3", "Dana Okafor");

    /// <summary>"Now" for the host: Friday, Mar 20, 2026, 12:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset CheckoutDeclared = Now.AddDays(-3).AddHours(-2);

    public ScribeBotApplication Host => Started;

    /// <summary>
    /// A host on Kestrel (requests come from loopback, so they pass the Dashboard policy) whose clock stands at
    /// <see cref="Now"/>, in Berlin.
    /// </summary>
    public static Task<ScribeBotApplication> StartHostAsync() =>
        new ScribeBotApplication()
            .WithSetting("Scribe:TimeZone", "Europe/Berlin")
            .WithClock(new FakeTimeProvider(Now))
            .StartKestrelAsync();

    public Incident Checkout { get; private set; } = null!;
    public Incident Search { get; private set; } = null!;
    public Incident Hostile { get; private set; } = null!;
    public Incident Login { get; private set; } = null!;

    protected override Task<ScribeBotApplication> StartAsync() => StartHostAsync();

    /// <summary>Seeds the incidents, through the core as chat would.</summary>
    protected override async Task StartedAsync(ScribeBotApplication host)
    {
        // Checkout: declared 08:00 UTC (09:00 Berlin) on Tue, Mar 17.
        var t0 = CheckoutDeclared;
        var c = SlackChannel;
        await host.RunAsync(c, Alice, "start Checkout returns 502 sev2", t0);
        await host.SayAsync(c, "m1", Bo, "5xx alert firing on checkout", t0.AddMinutes(1));
        await host.TagAsync(c, "m1", TimelineTag.Detection, Bo);
        await host.RunAsync(c, Bo, "detected PagerDuty alert", t0.AddMinutes(2));
        await host.RunAsync(c, Bo, "ack", t0.AddMinutes(4));
        await host.SayAsync(c, "m2", Bo, "maybe the CDN?", t0.AddMinutes(6));
        await host.TagAsync(c, "m2", TimelineTag.Misleading, Alice);
        await host.SayAsync(c, "m3", Alice, "rolling back", t0.AddMinutes(8));
        await host.EditAsync(c, "m3", "rolling back payments-api to 2.14.2", t0.AddMinutes(9));
        await host.TagAsync(c, "m3", TimelineTag.Action, Alice);
        await host.SayAsync(c, "m4", Bo, "oops, wrong channel", t0.AddMinutes(10));
        await host.DeleteAsync(c, "m4", t0.AddMinutes(11));
        await host.SayAsync(c, "m5", Dana, "2.14.3 set the pool size to 20", t0.AddMinutes(12), SlackPermalink);
        await host.TagAsync(c, "m5", TimelineTag.RootCause, Dana);
        await host.SayAsync(c, "m6", Dana, "link that is not a web address", t0.AddMinutes(13), "javascript:alert(1)");
        await host.SayAsync(c, "m7", Bo, "untagged chatter", t0.AddMinutes(14));
        await host.RunAsync(c, Dana, "rootcause Database pool too small after 2.14.3", t0.AddMinutes(15));
        await host.RunAsync(c, Alice, "impact Card payments failed at checkout", t0.AddMinutes(16));
        await host.RunAsync(c, Alice, "users 18%", t0.AddMinutes(17));
        await host.RunAsync(c, Alice, "improve Validate pool settings in CI", t0.AddMinutes(18));
        await host.RunAsync(c, Alice, "todo Add a pool-wait alert @dana", t0.AddMinutes(19));
        Checkout = (await host.RunAsync(c, Alice, "resolve Rolled back to 2.14.2", t0.AddMinutes(50))).Incident!;

        var t1 = Now.AddDays(-2);
        await host.RunAsync(TeamsChannel, Bo, "start Search is slow sev3", t1);
        Search = (await host.RunAsync(TeamsChannel, Bo, "ack", t1.AddMinutes(10))).Incident!;

        var t2 = Now.AddHours(-26);
        await host.RunAsync(WebChannel, Alice, $"start {HostileTitle} sev1", t2);
        await host.SayAsync(WebChannel, "w1", new Person("U6", "<b>Mallory</b>"), HostileMessage, t2.AddMinutes(1));
        await host.TagAsync(WebChannel, "w1", TimelineTag.KeyEvent, Alice);
        await host.RunAsync(WebChannel, Alice, "ack", t2.AddMinutes(2));
        Hostile = (await host.RunAsync(WebChannel, Alice, "resolve", t2.AddHours(2))).Incident!;

        Login = (await host.RunAsync(SlackOther, Dana, "start Login flaky sev4", Now.AddDays(-10))).Incident!;

        for (var i = 0; i < LoadIncidents; i++)
        {
            await host.RunAsync(new ChannelRef(ChatPlatform.Web, "load", $"load-{i}"), Bo, $"start Load incident {i} sev4",
                Now.AddDays(-20).AddMinutes(-i));
        }
    }
}
