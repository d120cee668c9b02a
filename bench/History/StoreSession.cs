using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ScribeBot.Bench.Shared;
using ScribeBot.Core;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Chat;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Configuration;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Storage;
using ScribeBot.LiteDb;
using ScribeBot.Slack;

namespace ScribeBot.Bench.History;

/// <summary>
/// The data file opened in this process (the host stopped) with the host's own registrations: the core, the store,
/// the Slack adapter and the outbox dispatcher. Seeds history at declared times in the past by handing the core the
/// same requests the Slack adapter builds (<see cref="CommandHandler"/>, <see cref="TimelineCapture"/>), so the store
/// writes the same documents as through the host, outbox deliveries (to the loopback Slack) included.
/// </summary>
internal sealed class StoreSession : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly SeedingClock _clock;
    private readonly bool _botToken;

    private StoreSession(IHost host, SeedingClock clock, bool botToken)
    {
        _host = host;
        _clock = clock;
        _botToken = botToken;
    }

    public static async Task<StoreSession> OpenAsync(
        string dataPath, HostSettings settings, CancellationToken cancellationToken)
    {
        var clock = new SeedingClock();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:LiteDb:Path"] = dataPath,
            // Only how soon a write is durable; the documents are the same. The timed host runs with the default.
            ["Storage:LiteDb:FlushToDisk"] = "false",
            // A bulk load of 32 channels side by side on a machine that may be busy: the writer's queue can be longer
            // than the 10 s a responder's write may wait. The timed host keeps the default.
            ["Storage:LiteDb:WriteTimeout"] = "00:05:00",
            ["Slack:SigningSecret"] = settings.SigningSecret,
            ["Slack:BotToken"] = settings.BotToken,
            ["Slack:ApiBaseUrl"] = settings.ApiBaseUrl,
        });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddOptions<ScribeOptions>().BindConfiguration(ScribeOptions.SectionName).ValidateOnStart();
        builder.Services.AddScribeCore();
        builder.Services.AddLiteDbStore();
        // After the store, as in the host: the dispatcher stops before the store closes.
        builder.Services.AddHostedService<OutboxDelivery>();
        builder.Services.AddSlack();
        var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return new StoreSession(host, clock, !string.IsNullOrEmpty(settings.BotToken));
    }

    private IIncidentStore Store => _host.Services.GetRequiredService<IIncidentStore>();

    /// <summary>Incidents stored, and how many of them are not resolved.</summary>
    public async Task<(int Total, int Open)> CountAsync(CancellationToken cancellationToken)
    {
        var all = await Store.QueryIncidentsAsync(new IncidentQuery { Take = 0 }, cancellationToken).ConfigureAwait(false);
        var resolved = await Store.QueryIncidentsAsync(new IncidentQuery { Status = IncidentStatus.Resolved, Take = 0 }, cancellationToken).ConfigureAwait(false);
        return (all.Total, all.Total - resolved.Total);
    }

    /// <summary>Writes <paramref name="incidents"/>, the i-th declared at <paramref name="declared"/>[i]; channels side by side.</summary>
    public async Task SeedAsync(
        IReadOnlyList<SeedIncident> incidents, IReadOnlyList<DateTimeOffset> declared, string runId, int parallel, CancellationToken cancellationToken)
    {
        var commands = _host.Services.GetRequiredService<CommandHandler>();
        var capture = _host.Services.GetRequiredService<TimelineCapture>();
        var channels = incidents.Select((incident, i) => (Incident: incident, Declared: declared[i]))
            .GroupBy(x => x.Incident.Channel).OrderByDescending(g => g.Count()).ToArray();
        var done = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            channels,
            new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
            async (channel, token) =>
            {
                foreach (var (incident, at) in channel)
                {
                    await WriteAsync(commands, capture, incident, at, runId, token).ConfigureAwait(false);
                    if (Interlocked.Increment(ref done) % 5_000 == 0)
                    {
                        Console.WriteLine($"    {done:N0} of {incidents.Count:N0} incidents written ({clock.Elapsed.TotalSeconds:0} s)");
                    }
                }
            }).ConfigureAwait(false);
    }

    /// <summary>Waits until the outbox has nothing pending (with a bot token the dispatcher delivers it all).</summary>
    public async Task DrainOutboxAsync(CancellationToken cancellationToken)
    {
        if (!_botToken)
        {
            return;
        }

        var outbox = _host.Services.GetRequiredService<IOutboxStore>();
        while ((await outbox.CountPendingAsync(cancellationToken).ConfigureAwait(false)).Values.Sum() > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        _host.Dispose();
    }

    private async Task WriteAsync(
        CommandHandler commands, TimelineCapture capture, SeedIncident incident, DateTimeOffset declared, string runId, CancellationToken cancellationToken)
    {
        var channel = new ChannelRef(ChatPlatform.Slack, incident.Channel.TeamId, incident.Channel.ChannelId);
        var messageIds = new string[HistoryLayout.MessagesPerIncident];
        foreach (var step in incident.Steps)
        {
            var at = declared + step.Offset;
            _clock.Set(at);
            switch (step)
            {
                case CommandStep command:
                    var outcome = await commands.HandleAsync(new CommandRequest
                    {
                        Channel = channel,
                        // As the adapter names the caller: by users.info when it has a bot token, else by the form's user_name.
                        Caller = new Person(command.User, _botToken ? FakeWebApi.PersonName : "bench"),
                        Text = command.Text,
                        At = at,
                        RequestId = HistoryLayout.RequestId(runId, incident.Scope, command.Verb),
                    }, cancellationToken).ConfigureAwait(false);
                    Ensure(outcome.Accepted, $"/incident {command.Verb} of incident {incident.Index}: {outcome.Reply.ToPlainString()}");
                    break;
                case MessageStep message:
                    var (ts, exact) = SlackTs(at);
                    messageIds[message.Number] = ts;
                    var recorded = await capture.RecordAsync(new ChatMessage
                    {
                        Channel = channel,
                        MessageId = ts,
                        At = exact,
                        Author = EventPerson(message.User),
                        Text = message.Text,
                    }, cancellationToken).ConfigureAwait(false);
                    Ensure(recorded == CaptureResult.Recorded, $"message of incident {incident.Index}: {recorded}");
                    break;
                case ReactionStep reaction:
                    var tagged = await capture.ReactAsync(
                        new ReactionChange(channel, messageIds[reaction.MessageNumber], reaction.Reaction, EventPerson(reaction.User), Added: true),
                        cancellationToken).ConfigureAwait(false);
                    Ensure(tagged == CaptureResult.Updated, $"reaction of incident {incident.Index}: {tagged}");
                    break;
            }
        }
    }

    // An event is read with the names already cached: with a bot token everyone seeded has been looked up by now.
    private Person EventPerson(string user) => new(user, _botToken ? FakeWebApi.PersonName : user);

    /// <summary>Slack's ts for an instant (seconds and microseconds), and the instant the adapter reads back from it.</summary>
    private static (string Ts, DateTimeOffset At) SlackTs(DateTimeOffset at)
    {
        var seconds = at.ToUnixTimeSeconds();
        var micros = (at.UtcTicks % TimeSpan.TicksPerSecond) / 10;
        return ($"{seconds}.{micros:D6}", DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(micros * 10));
    }

    private static void Ensure(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Seeding went wrong: {what}");
        }
    }
}
