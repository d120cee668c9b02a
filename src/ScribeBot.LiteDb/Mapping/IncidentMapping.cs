using LiteDB;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;

namespace ScribeBot.LiteDb.Mapping;

/// <summary>
/// Hand-written <see cref="Incident"/> &lt;-&gt; document mapping: LiteDB 5.0.21's reflection mapper has races, and an
/// explicit schema makes the file format a decision rather than an accident of property names.
/// </summary>
internal static class IncidentMapping
{
    public const string Collection = "incidents";
    public const string ChannelKeyField = "channelKey";
    public const string WorkspaceKeyField = "workspaceKey";
    public const string StatusField = "status";
    public const string DeclaredAtField = "declaredAt";

    /// <summary>The channel's key while the incident is open, absent once resolved: an index on it finds open incidents.</summary>
    public const string OpenChannelField = "openChannel";

    /// <summary>The page the incident's clocks run from; absent when they run from the declaration.</summary>
    public const string PageField = "page";

    /// <summary>The incident's slot in the <see cref="Ledger.IncidentLedger"/>, set by the writer.</summary>
    public const string LedgerSlotField = "ledgerSlot";

    /// <summary>The task lists (<see cref="TaskMapping"/> documents); <see cref="RemovedTasksField"/> is absent in older files.</summary>
    public const string TasksField = "tasks";
    public const string RemovedTasksField = "removedTasks";

    public static BsonDocument ToDocument(Incident incident)
    {
        var doc = new BsonDocument
        {
            ["_id"] = incident.Id,
            ["number"] = incident.Number,
            ["platform"] = incident.Channel.Platform.ToString(),
            ["workspace"] = incident.Channel.Workspace,
            ["channel"] = incident.Channel.Channel,
            [ChannelKeyField] = incident.Channel.Key,
            [WorkspaceKeyField] = incident.Channel.WorkspaceKey,
            ["title"] = incident.Title,
            ["severity"] = incident.Severity.ToString(),
            [StatusField] = incident.Status.ToString(),
            ["timeZone"] = incident.TimeZoneId,
            ["reopenCount"] = incident.ReopenCount,
            ["commandSequence"] = incident.CommandSequence,
            ["improvements"] = new BsonArray(incident.Improvements.Select(i => new BsonValue(i))),
            ["tasks"] = new BsonArray(incident.Tasks.Select(TaskMapping.ToDocument)),
            ["taskSequence"] = incident.TaskSequence,
            ["removedTasks"] = new BsonArray(incident.RemovedTasks.Select(TaskMapping.ToDocument)),
        };

        if (incident.IsOpen)
        {
            doc[OpenChannelField] = incident.Channel.Key;
        }

        if (incident.Commander is not null)
        {
            doc["commander"] = BsonFields.ToDocument(incident.Commander);
        }

        // The declared instant is also kept at top level: ListIncidents filters on it.
        BsonFields.SetInstant(doc, DeclaredAtField, "declaredOffset", incident.Declared.At);
        SetMilestone(doc, "declared", incident.Declared);
        SetMilestone(doc, "impactBegan", incident.ImpactBegan);
        SetMilestone(doc, "detected", incident.Detected);
        SetMilestone(doc, "acknowledged", incident.Acknowledged);

        // Absent until impact's end is recorded, so documents written before the field existed read back as not recovered.
        SetMilestone(doc, "recovered", incident.Recovered);
        SetMilestone(doc, "resolved", incident.Resolved);

        BsonFields.SetOptional(doc, "detectionMethod", incident.DetectionMethod);
        BsonFields.SetOptional(doc, "impact", incident.Impact);
        BsonFields.SetOptional(doc, "rootCause", incident.RootCause);
        BsonFields.SetOptional(doc, "resolution", incident.Resolution);
        if (incident.UsersAffectedPercent is { } percent)
        {
            doc["usersAffectedPercent"] = percent;
        }

        // Absent for an incident no pager touched, so the documents of older incidents read back unchanged.
        if (incident.Page is { } page)
        {
            doc[PageField] = PageMapping.ToDocument(page);
        }

        if (incident.PageKeys.Count > 0)
        {
            doc["pageKeys"] = new BsonArray(incident.PageKeys.Select(k => new BsonValue(k)));
        }

        return doc;
    }

    public static Incident FromDocument(BsonDocument doc) => new()
    {
        Id = doc["_id"].AsString,
        Number = doc["number"].AsInt32,
        Channel = new ChannelRef(
            BsonFields.GetEnum<ChatPlatform>(doc, "platform"), doc["workspace"].AsString, doc["channel"].AsString),
        Title = doc["title"].AsString,
        Severity = BsonFields.GetEnum<Severity>(doc, "severity"),
        Status = BsonFields.GetEnum<IncidentStatus>(doc, StatusField),
        Commander = doc.TryGetValue("commander", out var commander) ? BsonFields.ToPerson(commander) : null,
        TimeZoneId = doc["timeZone"].AsString,
        Declared = GetMilestone(doc, "declared")!,
        ImpactBegan = GetMilestone(doc, "impactBegan"),
        Detected = GetMilestone(doc, "detected"),
        Acknowledged = GetMilestone(doc, "acknowledged"),
        Recovered = GetMilestone(doc, "recovered"),
        Resolved = GetMilestone(doc, "resolved"),
        DetectionMethod = BsonFields.GetOptionalString(doc, "detectionMethod"),
        Impact = BsonFields.GetOptionalString(doc, "impact"),
        UsersAffectedPercent = doc.TryGetValue("usersAffectedPercent", out var percent) ? percent.AsDecimal : null,
        RootCause = BsonFields.GetOptionalString(doc, "rootCause"),
        Resolution = BsonFields.GetOptionalString(doc, "resolution"),
        Improvements = doc["improvements"].AsArray.Select(i => i.AsString).ToArray(),
        Tasks = doc["tasks"].AsArray.Select(TaskMapping.FromDocument).ToArray(),
        TaskSequence = doc.TryGetValue("taskSequence", out var sequence) ? sequence.AsInt32 : 0,
        RemovedTasks = doc.TryGetValue("removedTasks", out var removed) ? removed.AsArray.Select(TaskMapping.FromDocument).ToArray() : [],
        ReopenCount = doc["reopenCount"].AsInt32,
        CommandSequence = doc["commandSequence"].AsInt32,
        Page = doc.TryGetValue(PageField, out var page) ? PageMapping.FromDocument(page.AsDocument) : null,
        PageKeys = doc.TryGetValue("pageKeys", out var keys) ? keys.AsArray.Select(k => k.AsString).ToArray() : [],
    };

    private static void SetMilestone(BsonDocument doc, string field, Milestone? milestone)
    {
        if (milestone is null)
        {
            return;
        }

        var value = new BsonDocument { ["by"] = BsonFields.ToDocument(milestone.By) };
        BsonFields.SetInstant(value, "at", "offset", milestone.At);
        if (milestone.RequestId is not null)
        {
            value["requestId"] = milestone.RequestId;
        }

        doc[field] = value;
    }

    private static Milestone? GetMilestone(BsonDocument doc, string field) =>
        doc.TryGetValue(field, out var value)
            ? new Milestone(
                BsonFields.GetInstant(value.AsDocument, "at", "offset"),
                BsonFields.ToPerson(value["by"]),
                value.AsDocument.TryGetValue("requestId", out var requestId) ? requestId.AsString : null)
            : null;
}
