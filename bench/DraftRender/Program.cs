// Build + Render of a postmortem draft for a 10,000-message incident: median wall time and bytes allocated on
// this thread, over several runs after a warm-up. Targets: under 100 ms and 64 MB. Run in Release:
//   dotnet run -c Release --project bench/DraftRender [messages] [runs]
using System.Diagnostics;
using System.Globalization;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Postmortem.Building;
using ScribeBot.Core.Postmortem.Markdown;
using ScribeBot.Core.Timeline;

var messages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;

var (incident, entries) = Generate(messages);

for (var i = 0; i < 3; i++)
{
    _ = PostmortemMarkdown.Render(PostmortemDraft.Build(incident, entries));
}

var times = new List<double>(runs);
var bytes = new List<long>(runs);
var length = 0;
for (var i = 0; i < runs; i++)
{
    var before = GC.GetAllocatedBytesForCurrentThread();
    var watch = Stopwatch.StartNew();
    var markdown = PostmortemMarkdown.Render(PostmortemDraft.Build(incident, entries));
    watch.Stop();
    bytes.Add(GC.GetAllocatedBytesForCurrentThread() - before);
    times.Add(watch.Elapsed.TotalMilliseconds);
    length = markdown.Length;
}

times.Sort();
bytes.Sort();
Console.WriteLine(FormattableString.Invariant(
    $"DraftRender: {entries.Count} entries, {runs} runs, output {length / 1024.0:0} KiB"));
Console.WriteLine(FormattableString.Invariant(
    $"  Build+Render median {times[runs / 2]:0.0} ms (min {times[0]:0.0}, max {times[^1]:0.0}); target < 100 ms"));
Console.WriteLine(FormattableString.Invariant(
    $"  allocated median {bytes[runs / 2] / (1024.0 * 1024):0.0} MB; target < 64 MB"));

static (Incident, IReadOnlyList<TimelineEntry>) Generate(int count)
{
    var channel = new ChannelRef(ChatPlatform.Slack, "T0ACME", "C0123");
    Person[] people = [new("U1", "Alice Ng"), new("U2", "Bo Chen"), new("U3", "Priya Raman"), new("U4", "Marcus Feld"), new("U5", "Dana Okafor")];
    var declared = new DateTimeOffset(2026, 3, 2, 13, 0, 0, TimeSpan.Zero);
    var end = declared.AddSeconds(10 * (count + 1));
    var incident = new Incident
    {
        Id = Incident.MakeId(channel, 1),
        Number = 1,
        Channel = channel,
        Title = "Checkout returns 502",
        Severity = Severity.Sev1,
        Status = IncidentStatus.Resolved,
        TimeZoneId = "Europe/Berlin",
        Commander = people[0],
        Declared = new Milestone(declared, people[0]),
        Detected = new Milestone(declared.AddMinutes(-3), people[1]),
        DetectionMethod = "PagerDuty alert",
        Acknowledged = new Milestone(declared.AddMinutes(2), people[1]),
        Resolved = new Milestone(end, people[0]),
        Impact = "Card payments failed",
        UsersAffectedPercent = 18m,
        RootCause = "Connection pool set to 20",
        Resolution = "Rolled back",
    };

    TimelineTag[] kinds = [TimelineTag.Action, TimelineTag.Misleading, TimelineTag.Escalation, TimelineTag.KeyEvent];
    var list = new List<TimelineEntry>(count);
    for (var i = 1; i <= count; i++)
    {
        var at = declared.AddSeconds(10 * i);
        var who = people[i % people.Length];
        list.Add(new TimelineEntry
        {
            IncidentId = incident.Id,
            MessageId = $"m{i}",
            ThreadId = i % 10 is 1 or 2 && i > 10 ? $"m{i - (i % 10)}" : null,
            At = at,
            Author = who,
            Text = $"message {i}: p99 is <{i % 900} ms> for @here *checkout* see [graph](http://x/{i})",
            Permalink = $"https://acme.slack.com/archives/C0123/p{at.ToUnixTimeSeconds()}{i:D6}",
            Marks = i % 250 == 0 ? [new TagMark(kinds[i / 250 % kinds.Length], who.Id)] : [],
            Edits = i % 41 == 0 ? [new TextRevision("old text", at.AddSeconds(5))] : [],
            Deleted = i % 53 == 0,
        });
    }

    return (incident, list);
}
