namespace ScribeBot.Core.Tests.Postmortem;

/// <summary>Incidents as the store would hand them to the builder, built by hand.</summary>
internal static class Scenarios
{
    public static readonly ChannelRef Channel = new(ChatPlatform.Slack, "T0ACME", "C0123");

    public static readonly Person Alice = new("U01ALICE", "Alice Ng");
    public static readonly Person Bo = new("U02BO", "Bo Chen");
    public static readonly Person Priya = new("U03PRIYA", "Priya Raman");
    public static readonly Person Marcus = new("U04MARCUS", "Marcus Feld");
    public static readonly Person Dana = new("U05DANA", "Dana Okafor");
    public static readonly Person Sam = new("U06SAM", "Sam Ortiz");

    /// <summary>When the short scenarios' incidents are declared: Monday 2 March 2026, 13:10 UTC (14:10 CET in Europe/Berlin, their default zone).</summary>
    public static readonly DateTimeOffset Declared = new(2026, 3, 2, 13, 10, 0, TimeSpan.Zero);

    /// <summary>A Slack permalink in the real shape: <c>p</c> + seconds + six digits of the message's ts fraction.</summary>
    public static string Permalink(DateTimeOffset at, int sequence = 100) =>
        $"https://acme.slack.com/archives/C0123/p{at.ToUnixTimeSeconds()}{sequence:D6}";

    public static Incident NewIncident(int number, string title, DateTimeOffset declared, Person by, string timeZone = "Europe/Berlin") => new()
    {
        Id = Incident.MakeId(Channel, number),
        Number = number,
        Channel = Channel,
        Title = title,
        Severity = Severity.Sev2,
        TimeZoneId = timeZone,
        Declared = new Milestone(declared, by),
    };

    /// <summary>Builds entries in time order with unique ids and permalinks.</summary>
    public sealed class EntryList(string incidentId)
    {
        private readonly List<TimelineEntry> _entries = [];

        public IReadOnlyList<TimelineEntry> Entries => _entries;

        public TimelineEntry Say(DateTimeOffset at, Person who, string text, params TimelineTag[] tags) =>
            Add(at, who, text, EntrySource.Message, tags);

        public TimelineEntry Command(DateTimeOffset at, Person who, string text, params TimelineTag[] tags) =>
            Add(at, who, text, EntrySource.Command, tags);

        public TimelineEntry Reply(TimelineEntry parent, DateTimeOffset at, Person who, string text, params TimelineTag[] tags)
        {
            var entry = Say(at, who, text, tags) with { ThreadId = parent.MessageId };
            _entries[^1] = entry;
            return entry;
        }

        public void Edit(TimelineEntry entry, string newText, DateTimeOffset editedAt) => Replace(entry, e => e with
        {
            Text = newText,
            Edits = [.. e.Edits, new TextRevision(e.Text, editedAt)],
        });

        public void Delete(TimelineEntry entry) => Replace(entry, e => e with { Deleted = true });

        private void Replace(TimelineEntry entry, Func<TimelineEntry, TimelineEntry> change)
        {
            var index = _entries.FindIndex(e => e.MessageId == entry.MessageId);
            _entries[index] = change(_entries[index]);
        }

        private TimelineEntry Add(DateTimeOffset at, Person who, string text, EntrySource source, TimelineTag[] tags)
        {
            var sequence = _entries.Count + 1;
            var entry = new TimelineEntry
            {
                IncidentId = incidentId,
                MessageId = $"{at.ToUnixTimeSeconds()}.{sequence:D6}",
                At = at,
                Author = who,
                Text = text,
                Permalink = Permalink(at, sequence),
                Source = source,
                Marks = tags.Select(t => new TagMark(t, who.Id)).ToArray(),
            };
            _entries.Add(entry);
            return entry;
        }
    }

    private static DateTimeOffset Utc(int month, int day, int hour, int minute, int second = 0) =>
        new(2026, month, day, hour, minute, second, TimeSpan.Zero);

    /// <summary>
    /// (a) A card-payments outage, fully documented: two misleading paths (edge config, the payment provider), two
    /// escalations, detection by alert, impact and share of users, root cause, resolution, improvements and tasks.
    /// Europe/Berlin in winter (CET, UTC+1): 14:02 to 15:31 local.
    /// </summary>
    public static (Incident Incident, IReadOnlyList<TimelineEntry> Entries) PaymentsOutage()
    {
        var declared = Utc(3, 2, 13, 11, 20);
        var incident = NewIncident(42, "Checkout returns 502 for card payments", declared, Alice) with
        {
            Severity = Severity.Sev1,
            Status = IncidentStatus.Resolved,
            Commander = Alice,
            ImpactBegan = new Milestone(Utc(3, 2, 13, 2), Priya),
            Detected = new Milestone(Utc(3, 2, 13, 9, 40), Bo),
            DetectionMethod = "PagerDuty alert: checkout 5xx rate above 5% for 5 minutes",
            Acknowledged = new Milestone(Utc(3, 2, 13, 13, 5), Bo),
            Resolved = new Milestone(Utc(3, 2, 14, 31, 10), Alice),
            Impact = "Card payments at checkout failed with HTTP 502; PayPal and invoice payments kept working. About 4,100 orders failed.",
            UsersAffectedPercent = 18m,
            RootCause = "Release 2.14.3 of payments-api lowered the database connection pool from 200 to 20 (a typo in a config "
                + "override). Under lunchtime load every request waited for a connection and the gateway timed out with 502.",
            Resolution = "Rolled payments-api back to 2.14.2, which restored the pool of 200; error rates returned to baseline within four minutes.",
            Improvements =
            [
                "Validate connection pool settings in CI against per-service minimums.",
                "Alert on database connection wait time, not only on the 5xx rate.",
                "Show the last deploys of payments services in the incident channel when an incident starts.",
            ],
            Tasks =
            [
                new IncidentTask("Add a schema check for db.pool.max in payments-api config", "Dana Okafor"),
                new IncidentTask("Add a pool-wait p95 alert to the payments dashboard", "Bo Chen"),
                new IncidentTask("Write a runbook entry for rolling back payments-api", null),
            ],
            CommandSequence = 9,
        };

        var log = new EntryList(incident.Id);
        var alert = log.Say(Utc(3, 2, 13, 9, 40), Bo, "PagerDuty: checkout-5xx-rate firing, 7.2% over 5 minutes. Looking.", TimelineTag.Detection);
        log.Command(Utc(3, 2, 13, 9, 40), Bo, "detection recorded: PagerDuty alert");
        log.Reply(alert, Utc(3, 2, 13, 10, 15), Priya, "Support has 30+ tickets about failed card payments since about 14:00");
        log.Command(declared, Alice, "incident declared: Checkout returns 502 for card payments (SEV2)");
        log.Command(Utc(3, 2, 13, 13, 5), Bo, "acknowledged");
        var edge = log.Say(Utc(3, 2, 13, 15, 30), Bo, "502s come from the edge. Cloudflare rolled out a config at 13:55, rolling our edge rules back", TimelineTag.Misleading);
        log.Reply(edge, Utc(3, 2, 13, 16, 2), Marcus, "ok, go");
        log.Say(Utc(3, 2, 13, 17, 45), Priya, "anyone else seeing the status page load slowly?");
        log.Command(Utc(3, 2, 13, 19, 0), Alice, "severity raised to SEV1: 18% of checkouts failing");
        log.Say(Utc(3, 2, 13, 22, 10), Bo, "Edge rules rolled back, no change: 502 rate still 7%", TimelineTag.Misleading);
        log.Say(Utc(3, 2, 13, 24, 0), Sam, "Adyen reports elevated latency on their status page. Opening a ticket with them", TimelineTag.Misleading);
        log.Command(Utc(3, 2, 13, 25, 30), Alice, "escalated to Marcus Feld: needs the payments team lead", TimelineTag.Escalation);
        log.Say(Utc(3, 2, 13, 27, 0), Marcus, "joining. Adyen latency is 40 ms higher, that cannot cause 502s");
        log.Say(Utc(3, 2, 13, 29, 40), Sam, "Adyen confirms no incident on their side, ticket closed", TimelineTag.Misleading);
        var waits = log.Say(Utc(3, 2, 13, 33, 5), Priya, "payments-api logs: 'timeout waiting for connection from pool' on every pod", TimelineTag.Action);
        log.Command(Utc(3, 2, 13, 35, 0), Alice, "escalated to Dana Okafor: payments database on-call", TimelineTag.Escalation);
        log.Reply(waits, Utc(3, 2, 13, 36, 30), Dana, "DB is idle, 14 connections in use out of 500. The app is not asking for more");
        log.Say(Utc(3, 2, 13, 41, 0), Marcus, "2.14.3 went out at 13:58. Its config sets db.pool.max: 20, was 200", TimelineTag.RootCause);
        log.Say(Utc(3, 2, 13, 43, 20), Alice, "Decision: roll payments-api back to 2.14.2. Marcus runs it", TimelineTag.Action);
        log.Say(Utc(3, 2, 13, 52, 0), Marcus, "rollback done on all 12 pods", TimelineTag.Action);
        log.Say(Utc(3, 2, 13, 56, 10), Bo, "5xx rate back to 0.1%, card payments succeeding", TimelineTag.Resolution);
        log.Say(Utc(3, 2, 14, 5, 0), Priya, "support confirms new card orders go through");
        log.Say(Utc(3, 2, 14, 30, 0), Alice, "30 minutes clean. Resolving.");
        log.Command(Utc(3, 2, 14, 31, 10), Alice, "resolved");
        return (incident, log.Entries);
    }

    /// <summary>(b) Only a start, a few untagged messages and a resolve: almost every fact is a placeholder.</summary>
    public static (Incident Incident, IReadOnlyList<TimelineEntry> Entries) SparseIncident()
    {
        var declared = Utc(6, 15, 15, 40);
        var incident = NewIncident(7, "Search results are empty", declared, Sam, "America/New_York") with
        {
            Severity = Severity.Sev3,
            Status = IncidentStatus.Resolved,
            Resolved = new Milestone(Utc(6, 15, 16, 25), Sam),
        };

        var log = new EntryList(incident.Id);
        log.Command(declared, Sam, "incident declared: Search results are empty (SEV3)");
        log.Say(Utc(6, 15, 15, 42), Sam, "search returns nothing for any query on the web shop");
        log.Say(Utc(6, 15, 15, 51), Priya, "index alias looks wrong, checking");
        log.Say(Utc(6, 15, 16, 20), Priya, "fixed it");
        log.Command(Utc(6, 15, 16, 25), Sam, "resolved");
        return (incident, log.Entries);
    }

    private static readonly Person[] Crowd = [Alice, Bo, Priya, Marcus, Dana, Sam];

    private static readonly string[] Chatter =
    [
        "checking the dashboards", "queue depth is still growing", "anyone looked at the consumer lag?",
        "restarting one worker to see if it helps", "no change after the restart", "lag is 2.1M messages now",
        "I see GC pauses of 800 ms on worker-3", "could be the new batch size", "graphs attached in the thread",
        "ack, on it", "brb, grabbing the runbook", "runbook says to scale consumers first",
        "scaled to 24 consumers", "throughput up 30%", "still behind, ETA unknown",
    ];

    /// <summary>
    /// (c) A long incident: <paramref name="messages"/> chat lines every 15 s from 22:00 Tokyo time (so it crosses
    /// midnight), every 10th message opens a thread that the next two answer, a handful tagged, every 41st edited,
    /// every 53rd deleted. Fully deterministic.
    /// </summary>
    public static (Incident Incident, IReadOnlyList<TimelineEntry> Entries) LongIncident(int messages = 2000)
    {
        var declared = Utc(9, 10, 13, 0);
        var end = declared.AddSeconds(15 * (messages + 1));
        var incident = NewIncident(1318, "Order events delayed by hours", declared, Marcus, "Asia/Tokyo") with
        {
            Status = IncidentStatus.Resolved,
            Commander = Marcus,
            Detected = new Milestone(declared.AddMinutes(-12), Bo),
            DetectionMethod = "Consumer lag alert on order-events",
            Acknowledged = new Milestone(declared.AddMinutes(4), Marcus),
            Resolved = new Milestone(end, Marcus),
            Impact = "Order confirmation e-mails and warehouse picks were delayed by up to 6 hours.",
            UsersAffectedPercent = 64m,
            RootCause = "A batch-size change made each consumer batch exceed the broker's fetch limit, so consumers refetched the same batch.",
            Resolution = "Reverted the batch size and replayed the backlog.",
            Improvements = ["Load-test consumer configuration changes against production-sized batches."],
            Tasks = [new IncidentTask("Cap batch size below the fetch limit in code", "Marcus Feld")],
        };

        var log = new EntryList(incident.Id);
        log.Command(declared, Marcus, "incident declared: Order events delayed by hours (SEV2)");
        TimelineEntry? threadParent = null;
        for (var i = 1; i <= messages; i++)
        {
            var at = declared.AddSeconds(15 * i);
            var who = Crowd[(i * 7) % Crowd.Length];
            var (text, tags) = i switch
            {
                150 => ("scaling order-events consumers from 12 to 24", new[] { TimelineTag.Action }),
                420 => ("broker disk latency spiked at 22:30, moving partitions off broker-2", [TimelineTag.Misleading]),
                777 => ("paging the messaging platform on-call, this is beyond us", [TimelineTag.Escalation]),
                1200 => ("every batch is 1.4 MB and the fetch limit is 1 MB: consumers refetch the same batch forever", [TimelineTag.RootCause]),
                1650 => ("batch size reverted to 500, consumers restarted", [TimelineTag.Action]),
                1990 => ("lag is zero, backlog replayed", [TimelineTag.Resolution]),
                _ => ($"{Chatter[(i * 11) % Chatter.Length]} (#{i})", Array.Empty<TimelineTag>()),
            };
            var entry = i % 10 is 1 or 2 && threadParent is not null
                ? log.Reply(threadParent, at, who, text, tags)
                : log.Say(at, who, text, tags);
            if (i % 10 == 0)
            {
                threadParent = entry;
            }

            if (i % 41 == 0)
            {
                log.Edit(entry, text + " - correction: on worker-" + (i % 5), at.AddSeconds(5));
            }

            if (i % 53 == 0)
            {
                log.Delete(entry);
            }
        }

        log.Command(end, Marcus, "resolved");
        return (incident, log.Entries);
    }
}
