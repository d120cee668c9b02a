using ScribeBot.Core.Incidents;

namespace ScribeBot.Core.Commands;

// One small record per verb of DESIGN.md's grammar; the parser builds them, CommandHandler executes them.

/// <summary>A parsed <c>/incident</c> command.</summary>
public abstract record IncidentCommand;

public sealed record StartCommand(string Title, Severity Severity) : IncidentCommand;

public sealed record AcknowledgeCommand : IncidentCommand;

public sealed record DetectedCommand(string Method, TimeOnly? At) : IncidentCommand;

public sealed record BeganCommand(TimeOnly At) : IncidentCommand;

/// <summary><c>recovered [at HH:MM]</c>: when impact ended; <see cref="At"/> is null for "now".</summary>
public sealed record RecoveredCommand(TimeOnly? At) : IncidentCommand;

public sealed record UpdateCommand(string Text) : IncidentCommand;

public sealed record ImpactCommand(string Text) : IncidentCommand;

public sealed record UsersAffectedCommand(decimal Percent) : IncidentCommand;

public sealed record EscalateCommand(string Who, string? Reason) : IncidentCommand;

/// <summary>A command that records one tagged event: misleading, action, note.</summary>
public sealed record EventCommand(EventKind Kind, string Text) : IncidentCommand;

public sealed record RootCauseCommand(string Text) : IncidentCommand;

public sealed record ResolutionCommand(string Text) : IncidentCommand;

public sealed record ImproveCommand(string Text) : IncidentCommand;

public sealed record TodoCommand(string Task, string? Owner) : IncidentCommand;

public sealed record SeverityCommand(Severity Severity) : IncidentCommand;

public sealed record CommanderCommand(string Who) : IncidentCommand;

public sealed record TimeZoneCommand(string TimeZoneId) : IncidentCommand;

public sealed record StatusCommand : IncidentCommand;

public sealed record CatchupCommand : IncidentCommand;

public sealed record TimelineCommand : IncidentCommand;

public sealed record ResolveCommand(string? Resolution) : IncidentCommand;

public sealed record PostmortemCommand : IncidentCommand;

public sealed record ReopenCommand : IncidentCommand;

public sealed record HelpCommand(string? Verb) : IncidentCommand;

public sealed record StatsCommand(int Days) : IncidentCommand;

/// <summary><c>followups</c>: turn the tasks without an issue into tracker issues.</summary>
public sealed record FollowupsCommand : IncidentCommand;
