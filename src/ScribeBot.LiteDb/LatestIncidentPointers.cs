using LiteDB;
using ScribeBot.LiteDb.Mapping;

namespace ScribeBot.LiteDb;

/// <summary>
/// Each channel's most recently declared incident, one small document per channel in the counters collection, written
/// with the incident that opens. A busy channel's hundredth incident is found as fast as its first; finding it by the
/// channel index instead read every incident the channel ever had.
/// </summary>
internal sealed class LatestIncidentPointers(ILiteCollection<BsonDocument> counters)
{
    private const string ChannelField = "channel";
    private const string IncidentField = "incident";
    private const string NumberField = "number";

    /// <summary>The id of the channel's latest incident, or null when none was ever declared there.</summary>
    public string? Find(string channelKey) =>
        counters.FindById(IdOf(channelKey)) is { } doc && doc[ChannelField].AsString == channelKey
            ? doc[IncidentField].AsString
            : null;

    /// <summary>Points the channel at <paramref name="incidentId"/> unless it points at a later one already.</summary>
    public void Point(string channelKey, string incidentId, int number)
    {
        var id = IdOf(channelKey);
        if (counters.FindById(id) is { } stored && stored[ChannelField].AsString == channelKey && stored[NumberField].AsInt32 >= number)
        {
            return;
        }

        Write(channelKey, incidentId, number);
    }

    /// <summary>
    /// Points the channel at <paramref name="latest"/> whatever it pointed at, or at nothing when it is null: for when
    /// the incident it pointed at was purged.
    /// </summary>
    public void Repoint(string channelKey, (string Id, int Number)? latest)
    {
        if (latest is { } incident)
        {
            Write(channelKey, incident.Id, incident.Number);
        }
        else
        {
            counters.Delete(IdOf(channelKey));
        }
    }

    private void Write(string channelKey, string incidentId, int number) =>
        counters.Upsert(new BsonDocument
        {
            ["_id"] = IdOf(channelKey),
            [ChannelField] = channelKey,
            [IncidentField] = incidentId,
            [NumberField] = number,
        });

    // A hash, as for adapter state: the file's collation would find two channel keys that differ by case equal.
    private static string IdOf(string channelKey) => "latest:" + AdapterStateMapping.IdOf(channelKey);
}
