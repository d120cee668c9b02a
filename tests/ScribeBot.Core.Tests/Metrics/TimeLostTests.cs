using ScribeBot.Core.Metrics;
using ScribeBot.Core.Postmortem;
using static ScribeBot.Core.Tests.Metrics.TenOClock;
using static ScribeBot.Core.Tests.Postmortem.Scenarios;

namespace ScribeBot.Core.Tests.Metrics;

public sealed class TimeLostTests
{
    /// <summary>The timeline each test writes, of the incident declared at ten.</summary>
    private readonly EntryList _entries = new(DeclaredAtTen().Id);

    private static Incident Resolved(int minutesAfterTen) => DeclaredAtTen() with { Resolved = By(minutesAfterTen) };

    /// <summary>The time lost over <see cref="_entries"/> by the incident resolved that many minutes after ten.</summary>
    private TimeLost LostIfResolvedAt(int minutesAfterTen) => TimeLost.Of(Resolved(minutesAfterTen), _entries.Entries);

    [Fact]
    public void Two_paths_abandoned_by_one_action_count_from_the_first_to_the_action()
    {
        _entries.Say(At(10), Bo, "a suspected Stripe outage", TimelineTag.Misleading);
        _entries.Say(At(20), Sam, "the WAF rule", TimelineTag.Misleading);
        _entries.Say(At(45), Priya, "rolling back 2.14.3", TimelineTag.Action);

        var lost = LostIfResolvedAt(90);

        Assert.Equal(TimeSpan.FromMinutes(35), lost.Total);
        Assert.Equal([At(45), At(45)], lost.Paths.Select(p => p.AbandonedAt));
        Assert.Equal(
            "About 35 minutes went to two misleading paths (a suspected Stripe outage, the WAF rule).",
            TimeLostText.Sentence(lost));
    }

    [Fact]
    public void Overlapping_paths_are_merged_and_separate_ones_added()
    {
        // 10:05-10:25 and 10:15-10:25 overlap (20 minutes); 10:40-10:50 is apart (10 more).
        _entries.Say(At(5), Bo, "DNS", TimelineTag.Misleading);
        _entries.Say(At(15), Sam, "the CDN", TimelineTag.Misleading);
        _entries.Say(At(25), Priya, "flushed the pool", TimelineTag.Action);
        _entries.Say(At(40), Bo, "a bad deploy", TimelineTag.Misleading);
        _entries.Say(At(50), Priya, "pool size was 20", TimelineTag.RootCause);

        var lost = LostIfResolvedAt(90);

        Assert.Equal(TimeSpan.FromMinutes(30), lost.Total);
        Assert.Equal([20, 10, 10], lost.Paths.Select(p => (int)p.Length.TotalMinutes));
        Assert.Equal("About 30 minutes went to three misleading paths (DNS, the CDN, a bad deploy).", TimeLostText.Sentence(lost));
    }

    [Fact]
    public void A_path_never_abandoned_runs_to_the_resolution()
    {
        _entries.Say(At(30), Bo, "it is the load balancer", TimelineTag.Misleading);
        _entries.Say(At(40), Bo, "paging the network team", TimelineTag.Escalation);
        _entries.Say(At(50), Sam, "still looking", TimelineTag.Note, TimelineTag.KeyEvent);

        var lost = LostIfResolvedAt(70);

        Assert.Equal(At(70), Assert.Single(lost.Paths).AbandonedAt);
        Assert.Equal("About 40 minutes went to one misleading path (it is the load balancer).", TimeLostText.Sentence(lost));
    }

    [Fact]
    public void An_action_that_is_itself_misleading_opens_a_path_instead_of_ending_one()
    {
        _entries.Say(At(10), Bo, "suspect the cache", TimelineTag.Misleading);
        _entries.Say(At(20), Bo, "restarted the cache, no change", TimelineTag.Action, TimelineTag.Misleading);
        _entries.Say(At(30), Priya, "rolled back", TimelineTag.Action);

        var lost = LostIfResolvedAt(60);

        Assert.Equal(TimeSpan.FromMinutes(20), lost.Total);
        Assert.Equal([At(30), At(30)], lost.Paths.Select(p => p.AbandonedAt));
    }

    [Fact]
    public void Without_misleading_tags_nothing_is_lost_and_no_sentence_is_said()
    {
        _entries.Say(At(10), Bo, "rolled back", TimelineTag.Action);

        var lost = LostIfResolvedAt(60);

        Assert.Same(TimeLost.None, lost);
        Assert.Null(TimeLostText.Sentence(lost));
    }

    [Fact]
    public void A_path_still_followed_on_an_open_incident_and_a_deleted_one_count_nothing()
    {
        _entries.Delete(_entries.Say(At(5), Bo, "typo, ignore", TimelineTag.Misleading));
        _entries.Say(At(10), Bo, "the WAF rule", TimelineTag.Misleading);

        Assert.Same(TimeLost.None, TimeLost.Of(DeclaredAtTen(), _entries.Entries));
    }

    [Fact]
    public void An_action_in_the_same_second_does_not_end_the_path()
    {
        _entries.Say(At(10), Bo, "the WAF rule", TimelineTag.Misleading);
        _entries.Say(At(10), Priya, "scaled up", TimelineTag.Action);

        Assert.Equal(At(30), Assert.Single(LostIfResolvedAt(30).Paths).AbandonedAt);
    }

    [Fact]
    public void Long_names_are_shortened_and_paths_past_three_are_counted()
    {
        _entries.Say(At(1), Bo, "Adyen reports elevated latency on their status page, opening a ticket", TimelineTag.Misleading);
        _entries.Say(At(2), Bo, "b", TimelineTag.Misleading);
        _entries.Say(At(3), Bo, "c", TimelineTag.Misleading);
        _entries.Say(At(4), Bo, "d", TimelineTag.Misleading);
        _entries.Say(At(5), Bo, "e", TimelineTag.Misleading);
        _entries.Say(At(6), Bo, "fixed", TimelineTag.Resolution);

        var sentence = TimeLostText.Sentence(LostIfResolvedAt(60));

        Assert.Equal("About 5 minutes went to five misleading paths (Adyen reports elevated latency on their…, b, c and 2 more).", sentence);
    }

    [Fact]
    public void Under_a_minute_is_said_in_seconds_and_longer_rounds_to_whole_minutes()
    {
        var incident = Resolved(60);
        var brief = new EntryList(incident.Id);
        brief.Say(At(10), Bo, "DNS", TimelineTag.Misleading);
        brief.Say(At(10).AddSeconds(40), Bo, "flushed", TimelineTag.Action);
        var longer = new EntryList(incident.Id);
        longer.Say(At(10), Bo, "DNS", TimelineTag.Misleading);
        longer.Say(At(59).AddSeconds(31), Bo, "flushed", TimelineTag.Action);

        Assert.StartsWith("About 40 seconds went to one misleading path", TimeLostText.Sentence(TimeLost.Of(incident, brief.Entries)), StringComparison.Ordinal);
        Assert.StartsWith("About 50 minutes went", TimeLostText.Sentence(TimeLost.Of(incident, longer.Entries)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("502s come from the edge. Cloudflare rolled out a config at 13:55", "502s come from the edge")]
    [InlineData("Is it DNS? Looking at resolv.conf", "Is it DNS?")]
    [InlineData("suspect the cache\nrestarting it", "suspect the cache")]
    [InlineData("Rolled back the WAF rule change; no effect", "Rolled back the WAF rule change")]
    [InlineData("rate at 0.1% after v2.14.3 went out", "rate at 0.1% after v2.14.3 went out")]
    [InlineData("the   WAF\trule.", "the WAF rule")]
    public void A_path_is_named_by_its_first_sentence_on_one_line(string text, string name)
    {
        _entries.Say(At(10), Bo, text, TimelineTag.Misleading);

        Assert.Equal($"About 50 minutes went to one misleading path ({name}).", TimeLostText.Sentence(LostIfResolvedAt(60)));
    }
}
