using ScribeBot.Core.Postmortem;
using static ScribeBot.Core.Tests.Postmortem.Scenarios;

namespace ScribeBot.Core.Tests.Postmortem;

/// <summary><c>catchup</c> (issue 17, item 3): rules over the timeline, one fact per line, the missed events capped.</summary>
public sealed class IncidentCatchupTests
{
    /// <summary>INC-3, open and acknowledged, whose timeline each test writes into <see cref="_log"/>.</summary>
    private readonly Incident _incident = NewIncident(3, "Checkout returns 502", Declared, Alice) with
    {
        Commander = Alice,
        Acknowledged = new Milestone(Declared.AddMinutes(2), Alice),
        Status = IncidentStatus.Acknowledged,
        Impact = "card payments fail",
    };

    private readonly EntryList _log;

    public IncidentCatchupTests() => _log = new EntryList(_incident.Id);

    /// <summary>The catchup of <see cref="_incident"/> as <paramref name="caller"/> asked for it at <paramref name="at"/>, as plain text.</summary>
    private string CatchupText(Person caller, DateTimeOffset at, string requestId = "catchup-1") =>
        IncidentCatchup.Build(_incident, _log.Entries, caller, requestId, at).ToPlainString();

    [Fact]
    public void Catchup_lists_status_the_latest_update_the_events_since_the_caller_last_spoke_escalations_and_missing_facts()
    {
        _log.Say(Declared.AddMinutes(3), Bo, "p99 through the roof", TimelineTag.Detection);
        _log.Command(Declared.AddMinutes(5), Alice, "Status update: looking at the CDN", TimelineTag.KeyEvent);
        _log.Say(Declared.AddMinutes(8), Priya, "I'm on it, checking the edge");
        _log.Say(Declared.AddMinutes(12), Bo, "the CDN is fine", TimelineTag.Misleading);
        _log.Command(Declared.AddMinutes(15), Alice, "Escalated to Dana Okafor: database", TimelineTag.Escalation);
        _log.Say(Declared.AddMinutes(20), Bo, "untagged chatter");
        _log.Command(Declared.AddMinutes(25), Alice, "Status update: rolling back v42", TimelineTag.KeyEvent);
        _log.Say(Declared.AddMinutes(30), Dana, "rollback done", TimelineTag.Action);

        var text = CatchupText(Priya, Declared.AddMinutes(40));

        Assert.Equal(
            """
            INC-3: Checkout returns 502 - SEV2, ongoing (acknowledged)
            Commander: Alice Ng
            Open for 40 minutes, since Mon, Mar 2, 2026, 14:10 Europe/Berlin (CET).
            Latest update: rolling back v42 (14:35, Alice Ng)

            Tagged since you last spoke at 14:18 (3 events):
            14:22 - Misleading: the CDN is fine (Bo Chen)
            14:35 - Status update: rolling back v42 (Alice Ng)
            14:40 - Action: rollback done (Dana Okafor)

            Escalations (1):
            14:25 - Escalated to Dana Okafor: database (Alice Ng)

            The postmortem still lacks:
            [detection method not recorded - /incident detected <how> [at HH:MM]]
            [share of users affected not recorded - /incident users <n>%]
            [root cause not recorded - /incident rootcause <text>]
            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Someone_who_has_not_spoken_gets_the_last_hour()
    {
        _log.Say(Declared.AddMinutes(10), Bo, "an hour and a quarter ago", TimelineTag.Action);
        _log.Say(Declared.AddMinutes(24), Bo, "just over an hour ago", TimelineTag.Action);
        _log.Say(Declared.AddMinutes(26), Bo, "just under an hour ago", TimelineTag.Action);
        _log.Say(Declared.AddMinutes(80), Bo, "a minute ago", TimelineTag.Resolution);

        var text = CatchupText(Sam, Declared.AddMinutes(85));

        Assert.Contains(
            """

            Tagged in the last hour (2 events):
            14:36 - Action: just under an hour ago (Bo Chen)
            15:30 - Resolution: a minute ago (Bo Chen)

            """.ReplaceLineEndings("\n"),
            text,
            StringComparison.Ordinal);
        Assert.Contains("Latest update: none yet - /incident update <text>\n", text, StringComparison.Ordinal);
        Assert.Contains("Escalations: none.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(0 ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_ten_missed_events_show_the_latest_ten_and_count_the_earlier_ones()
    {
        _log.Say(Declared.AddMinutes(1), Sam, "I'm here");
        for (var i = 1; i <= 13; i++)
        {
            _log.Say(Declared.AddMinutes(1 + i), Bo, $"step {i}", TimelineTag.Action);
        }

        var groups = ChatTextLayout.Groups(IncidentCatchup.Build(_incident, _log.Entries, Sam, "catchup-1", Declared.AddMinutes(30)));

        var missed = groups[1].Select(line => line.ToPlainString()).ToList();
        Assert.Equal("Tagged since you last spoke at 14:11 (13 events):", missed[0]);
        Assert.Equal("3 earlier ones not shown - /incident timeline posts them all.", missed[1]);
        Assert.Equal(IncidentCatchup.MaxEvents, missed.Count - 2);
        Assert.Equal("14:15 - Action: step 4 (Bo Chen)", missed[2]);
        Assert.Equal("14:24 - Action: step 13 (Bo Chen)", missed[^1]);
    }

    [Fact]
    public void The_catchup_request_itself_and_deleted_or_untagged_lines_do_not_count_but_a_deleted_word_of_the_caller_does()
    {
        var said = _log.Say(Declared.AddMinutes(5), Sam, "typo");
        _log.Delete(said);
        var gone = _log.Say(Declared.AddMinutes(6), Bo, "wrong channel", TimelineTag.Action);
        _log.Delete(gone);
        _log.Say(Declared.AddMinutes(7), Bo, "restarted the pods", TimelineTag.Action);
        var request = _log.Say(Declared.AddMinutes(9), Sam, "@ScribeBot catchup");

        var text = CatchupText(Sam, Declared.AddMinutes(9), request.MessageId);

        Assert.Contains("Tagged since you last spoke at 14:15 (1 event):\n14:17 - Action: restarted the pods (Bo Chen)\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_postmortem_says_so()
    {
        var (incident, entries) = PaymentsOutage();

        var text = IncidentCatchup.Build(incident, entries, Sam, "catchup-1", incident.Resolved!.At.AddMinutes(5)).ToPlainString();

        Assert.EndsWith("\n\nThe postmortem has every fact it asks for.", text, StringComparison.Ordinal);
        Assert.Contains("Escalations (2):", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_join_pointer_is_one_line_with_number_title_severity_and_whole_minutes()
    {
        Assert.Equal(
            "INC-3 is open here: Checkout returns 502, SEV2, 40 minutes so far. /incident catchup for what you missed.",
            IncidentCatchup.Pointer(_incident, Declared.AddMinutes(40).AddSeconds(35)).ToPlainString());
        Assert.Equal(
            "INC-3 is open here: Checkout returns 502, SEV2, 1 hour, 5 minutes so far. /incident catchup for what you missed.",
            IncidentCatchup.Pointer(_incident, Declared.AddMinutes(65)).ToPlainString());
        Assert.Contains("SEV2, just declared.", IncidentCatchup.Pointer(_incident, Declared.AddSeconds(20)).ToPlainString(), StringComparison.Ordinal);
    }
}
