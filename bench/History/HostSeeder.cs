using System.Net;
using ScribeBot.Bench.Shared;

namespace ScribeBot.Bench.History;

/// <summary>
/// Grows the history through the running host, as Slack would: signed slash commands, message events and reactions
/// to <c>POST /slack/events</c>, in real time. Channels run side by side; each channel's incidents one after another.
/// </summary>
internal static class HostSeeder
{
    public static async Task SeedAsync(
        IPEndPoint host, SlackTraffic traffic, IReadOnlyList<SeedIncident> incidents, int parallel, CancellationToken cancellationToken)
    {
        // The busy channel has the most incidents: started first so it does not finish last alone.
        var channels = incidents.GroupBy(i => i.Channel).OrderByDescending(g => g.Count()).ToArray();
        await Parallel.ForEachAsync(
            channels,
            new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
            async (channel, token) =>
            {
                var connection = await RawHttpConnection.OpenAsync(host, token).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    foreach (var incident in channel)
                    {
                        await RunAsync(connection, host, traffic, incident, token).ConfigureAwait(false);
                    }
                }
            }).ConfigureAwait(false);
    }

    private static async Task RunAsync(
        RawHttpConnection connection, IPEndPoint host, SlackTraffic traffic, SeedIncident incident, CancellationToken cancellationToken)
    {
        var messageTs = new string[HistoryLayout.MessagesPerIncident];
        foreach (var step in incident.Steps)
        {
            var (request, what) = step switch
            {
                CommandStep command => (traffic.Command(host, incident.Channel, command.User, command.Text,
                    HistoryLayout.RequestId(traffic.RunId, incident.Scope, command.Verb)), $"/incident {command.Verb}"),
                MessageStep message => (traffic.Message(host, incident.Channel, message.User, message.Text, messageTs[message.Number] = traffic.NextTs()), "message"),
                ReactionStep reaction => (traffic.Reaction(host, incident.Channel, reaction.User, reaction.Reaction, messageTs[reaction.MessageNumber]), "reaction"),
                _ => throw new InvalidOperationException($"Unknown step {step.GetType().Name}."),
            };
            var (status, body) = await connection.ExchangeAsync(request, cancellationToken).ConfigureAwait(false);
            CommandAnswer.EnsureSilentOk(status, body, $"{what} of incident {incident.Index} in {incident.Channel.Key}");
        }
    }
}
