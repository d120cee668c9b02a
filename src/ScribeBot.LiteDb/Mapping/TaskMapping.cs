using LiteDB;
using ScribeBot.Core.Followups;
using ScribeBot.Core.Incidents;

namespace ScribeBot.LiteDb.Mapping;

/// <summary>
/// A postmortem task and its tracker issue. <c>number</c> and <c>followup</c> are absent in files written before
/// follow-ups existed; such a task reads as unnumbered (0) and is numbered when its follow-ups are queued.
/// </summary>
internal static class TaskMapping
{
    /// <summary>The task's link and, in it, the link's creation instant (ticks): the stats' follow-up indexes read these.</summary>
    public const string FollowupField = "followup";
    public const string CreatedAtField = "createdAt";

    public static BsonDocument ToDocument(IncidentTask task)
    {
        var doc = new BsonDocument { ["text"] = task.Text };
        BsonFields.SetOptional(doc, "owner", task.Owner);
        if (task.Number > 0)
        {
            doc["number"] = task.Number;
        }

        if (task.Followup is { } link)
        {
            var followup = new BsonDocument
            {
                ["tracker"] = link.Tracker,
                ["key"] = link.IssueKey,
                ["url"] = link.Url,
                ["state"] = link.State.ToString(),
            };
            BsonFields.SetInstant(followup, "createdAt", "createdOffset", link.CreatedAt);
            if (link.StateReadAt is { } read)
            {
                BsonFields.SetInstant(followup, "stateReadAt", "stateReadOffset", read);
            }

            doc["followup"] = followup;
        }

        return doc;
    }

    public static IncidentTask FromDocument(BsonValue value)
    {
        var doc = value.AsDocument;
        var task = new IncidentTask(doc["text"].AsString, BsonFields.GetOptionalString(doc, "owner"))
        {
            Number = doc.TryGetValue("number", out var number) ? number.AsInt32 : 0,
        };
        if (!doc.TryGetValue("followup", out var followupValue))
        {
            return task;
        }

        var followup = followupValue.AsDocument;
        return task with
        {
            Followup = new FollowupLink(
                followup["tracker"].AsString,
                followup["key"].AsString,
                followup["url"].AsString,
                BsonFields.GetEnum<FollowupState>(followup, "state"),
                BsonFields.GetInstant(followup, "createdAt", "createdOffset"))
            {
                StateReadAt = followup.ContainsKey("stateReadAt") ? BsonFields.GetInstant(followup, "stateReadAt", "stateReadOffset") : null,
            },
        };
    }
}
