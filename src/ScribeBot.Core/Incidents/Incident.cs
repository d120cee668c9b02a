using ScribeBot.Core.Channels;

namespace ScribeBot.Core.Incidents;

/// <summary>
/// One incident in one channel. Immutable: the core derives a changed copy for every command and the store
/// persists it. Instants are UTC; <see cref="TimeZoneId"/> is an IANA id used only for display and for
/// reading <c>HH:MM</c> times in commands.
/// <para>
/// The incident guards its own rules: its lifecycle (Incident.Lifecycle.cs), its lists (Incident.Lists.cs), its
/// recorded facts (Incident.Facts.cs) and its times (Incident.Times.cs) change only through methods that answer an
/// <see cref="IncidentDecision"/>: the changed copy, or a refusal for the caller. The limits are in
/// <see cref="IncidentLimits"/>.
/// </para>
/// </summary>
public sealed partial record Incident
{
    /// <summary>Store key, unique across workspaces: <c>{workspace key}:{number}</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Sequential per workspace; shown as <c>INC-{Number}</c>.</summary>
    public required int Number { get; init; }

    public required ChannelRef Channel { get; init; }
    public required string Title { get; init; }
    public required Severity Severity { get; init; }
    public IncidentStatus Status { get; init; } = IncidentStatus.Triggered;
    public Person? Commander { get; init; }
    public required string TimeZoneId { get; init; }

    /// <summary>When impact really began, if known (may be before detection).</summary>
    public Milestone? ImpactBegan { get; init; }

    /// <summary>When the problem was detected; when unknown, drafts use <see cref="Declared"/>.</summary>
    public Milestone? Detected { get; init; }

    /// <summary>When <c>start</c> opened the incident.</summary>
    public required Milestone Declared { get; init; }

    public Milestone? Acknowledged { get; init; }

    /// <summary>
    /// When impact ended (the outage's end), as <c>/incident recovered</c> or a resolved page recorded it; distinct from
    /// <see cref="Resolved"/>, when someone closed the incident. A page's is recognised by its request id
    /// (<see cref="RecoveredByPage"/>). Incident.Recovery.cs holds its rules.
    /// </summary>
    public Milestone? Recovered { get; init; }

    public Milestone? Resolved { get; init; }

    public string? DetectionMethod { get; init; }
    public string? Impact { get; init; }

    /// <summary>Share of users affected, 0-100.</summary>
    public decimal? UsersAffectedPercent { get; init; }

    public string? RootCause { get; init; }
    public string? Resolution { get; init; }
    public IReadOnlyList<string> Improvements { get; init; } = [];
    public IReadOnlyList<IncidentTask> Tasks { get; init; } = [];

    /// <summary>The last number given to a task (<see cref="IncidentTask.Number"/>); numbers are never reused.</summary>
    public int TaskSequence { get; init; }

    /// <summary>
    /// Tasks removed from the postmortem after their tracker issue was created: the issue is not deleted, so the
    /// follow-up report still names it (Incident.Tasks.cs).
    /// </summary>
    public IReadOnlyList<IncidentTask> RemovedTasks { get; init; } = [];

    /// <summary>How many times a resolved incident was reopened.</summary>
    public int ReopenCount { get; init; }

    /// <summary>Number of timeline entries created by commands, used to key them uniquely.</summary>
    public int CommandSequence { get; init; }

    public string DisplayId => FormatNumber(Number);

    public bool IsOpen => Status != IncidentStatus.Resolved;

    public static string FormatNumber(int number) => $"INC-{number}";

    public static string MakeId(ChannelRef channel, int number) => MakeId(channel.WorkspaceKey, number);

    public static string MakeId(string workspaceKey, int number) => $"{workspaceKey}:{number}";
}
