using ScribeBot.Testing.Storage;
using ScribeBot.Tests.Migrate;
using static ScribeBot.Tests.Migrate.StoreSeed;

namespace ScribeBot.Tests.Purge;

/// <summary>
/// A real data file in a temp directory, opened the way the host opens it (<c>AddLiteDbStore</c>, the public ports), for
/// the time it takes to seed or inspect it: the verb must find it closed.
/// </summary>
internal sealed class PurgeStoreFile : IDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("scribebot-purge-").FullName;

    public string Path => System.IO.Path.Combine(_directory, "scribebot.db");

    public string Folder => _directory;

    public Task UseAsync(Func<Ports, Task> use) => UseAsync(async ports =>
    {
        await use(ports);
        return true;
    });

    public async Task<T> UseAsync<T>(Func<Ports, Task<T>> use)
    {
        await using var provider = LiteDbServices.Open(Path, flushToDisk: false);
        return await use(new Ports(
            provider.GetRequiredService<IIncidentStore>(),
            provider.GetRequiredService<IOutboxStore>(),
            provider.GetRequiredService<IAdapterStateStore>()));
    }

    /// <summary>Declares an incident with entries <paramref name="messageIds"/>, resolved an hour later unless <paramref name="open"/>.</summary>
    public static async Task<Incident> DeclareAsync(Ports store, ChannelRef channel, DateTimeOffset declared, bool open, params string[] messageIds)
    {
        var opened = await store.Incidents.OpenIncidentAsync(
            channel, number => MigrateSeed.Declaration(channel, number, declared, $"Incident {number}", "UTC", messageIds), CancellationToken.None);
        var incident = opened.Incident;
        if (!open)
        {
            incident = incident with { Status = IncidentStatus.Resolved, Resolved = new Milestone(declared.AddHours(1), Alice) };
            await store.Incidents.SaveIncidentAsync(incident, [], [], CancellationToken.None);
        }

        return incident;
    }

    /// <summary>A delivered post about <paramref name="incident"/> and the delivery record its poster keeps.</summary>
    public static async Task<OutboxItem> PostAsync(Ports store, Incident incident, string requestId)
    {
        var item = new OutboxItem
        {
            Id = OutboxItem.MakeId(incident.Channel, requestId, 0),
            Post = new AnnouncementPost(incident.Channel, ChatText.Of($"{incident.DisplayId} resolved")),
            IncidentId = incident.Id,
            EnqueuedAt = incident.Declared.At,
            NextAttemptAt = incident.Declared.At,
        };
        await store.Outbox.EnqueueAsync([item], CancellationToken.None);
        await store.State.SetItemStateAsync(item.Id, "slack:delivery:" + item.Id, """{"done":true}""", CancellationToken.None);
        await store.Outbox.MarkDeliveredAsync(item.Id, incident.Declared.At.AddMinutes(1), CancellationToken.None);
        return item;
    }

    public void Dispose() => System.IO.Directory.Delete(_directory, recursive: true);

    public sealed record Ports(IIncidentStore Incidents, IOutboxStore Outbox, IAdapterStateStore State);
}
