using ScribeBot.Bench.Shared;

namespace ScribeBot.Bench.History;

/// <summary>A Slack channel of the seeded history.</summary>
internal sealed record SeedChannel(string TeamId, string ChannelId)
{
    public string Key => $"{TeamId}/{ChannelId}";
}

/// <summary>Something that happens in a seeded incident, <see cref="Offset"/> after it was declared.</summary>
internal abstract record IncidentStep(TimeSpan Offset, string User);

/// <summary><c>/incident {Text}</c>; <see cref="Verb"/> names the request (its trigger id).</summary>
internal sealed record CommandStep(TimeSpan Offset, string User, string Verb, string Text) : IncidentStep(Offset, User);

/// <summary>Message number <see cref="Number"/> of the incident.</summary>
internal sealed record MessageStep(TimeSpan Offset, string User, int Number, string Text) : IncidentStep(Offset, User);

/// <summary>A reaction added to message number <see cref="MessageNumber"/>.</summary>
internal sealed record ReactionStep(TimeSpan Offset, string User, int MessageNumber, string Reaction) : IncidentStep(Offset, User);

/// <summary>One incident of the history: where it happens and what happens in it, in order.</summary>
internal sealed record SeedIncident(long Index, SeedChannel Channel, IReadOnlyList<IncidentStep> Steps)
{
    public string Scope => Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// What the seeded history looks like, the same whichever way it is written: two workspaces, 50 channels and one busy
/// channel (<c>#incidents</c>, which every tenth incident reuses, as real teams do); each incident is declared, gets
/// 50 messages from people taking turns, two tag reactions, an ack and a resolve.
/// </summary>
internal static class HistoryLayout
{
    public const int ChannelCount = 50;
    public const int MessagesPerIncident = 50;
    public const int PeoplePerWorkspace = 20;

    public static readonly IReadOnlyList<string> Workspaces = ["T0HIST01", "T0HIST02"];

    /// <summary>Where every tenth incident happens, and where the benchmark's own start and resolve are timed.</summary>
    public static readonly SeedChannel Busy = new("T0HIST01", "C0INCIDENTS");

    /// <summary>The first incident of the busy channel's workspace: the incident whose pages are timed.</summary>
    public const string TimedIncidentId = "slack:T0HIST01:1";

    private static readonly TimeSpan MessageInterval = TimeSpan.FromSeconds(20);

    private static readonly string[] Titles =
    [
        "Checkout returns 502", "Search p99 over 2 s", "SSO logins fail", "Payments webhook backlog",
        "Push notifications delayed", "Database replica lag", "CDN serves stale assets", "Email delivery delayed",
    ];

    private static readonly string[] Texts =
    [
        .. IncidentChatter.Lines,
        "dashboards show the spike started at the deploy",
        "customer support reports failed orders in EU",
        "scaling the worker pool from 12 to 24",
    ];

    public static SeedChannel ChannelOf(long index)
    {
        if (index % 10 == 0)
        {
            return Busy;
        }

        // The n-th incident outside the busy channel, round robin over the channels; even channels in one workspace.
        var ordinary = index - (index / 10) - 1;
        var channel = (int)(ordinary % ChannelCount);
        return new SeedChannel(Workspaces[channel % Workspaces.Count], $"C0HIST{channel:D3}");
    }

    /// <summary>A command's trigger id: the run's id makes it new on data an earlier run seeded (else it is a redelivery).</summary>
    public static string RequestId(string runId, string scope, string verb) => $"{runId}.{scope}.{verb}";

    public static string Person(SeedChannel channel, long n) => $"U{channel.TeamId[1..]}{n % PeoplePerWorkspace:D2}";

    public static SeedIncident Incident(long index)
    {
        var channel = ChannelOf(index);
        var steps = new List<IncidentStep>
        {
            new CommandStep(TimeSpan.Zero, Person(channel, index), "start", $"start {Titles[index % Titles.Length]} (#{index}) sev{1 + (index % 4)}"),
        };

        for (var m = 0; m < MessagesPerIncident; m++)
        {
            var at = MessageInterval * (m + 1);
            steps.Add(new MessageStep(at, Person(channel, index + m), m, $"{Texts[(index + m) % Texts.Length]} ({m + 1}/{MessagesPerIncident})"));
            switch (m)
            {
                case 4:
                    steps.Add(new CommandStep(at + TimeSpan.FromSeconds(5), Person(channel, index + 1), "ack", "ack"));
                    break;
                case 6:
                    steps.Add(new ReactionStep(at + TimeSpan.FromSeconds(5), Person(channel, index + 2), 2, "rotating_light"));
                    break;
                case 31:
                    steps.Add(new ReactionStep(at + TimeSpan.FromSeconds(5), Person(channel, index + 3), 30, "pushpin"));
                    break;
            }
        }

        steps.Add(new CommandStep(MessageInterval * (MessagesPerIncident + 1), Person(channel, index), "resolve", "resolve rolled back the deploy"));
        return new SeedIncident(index, channel, steps);
    }
}
