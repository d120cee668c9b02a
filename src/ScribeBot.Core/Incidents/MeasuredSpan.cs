namespace ScribeBot.Core.Incidents;

/// <summary>
/// A duration between two of an incident's instants. <see cref="ImpossibleOrder"/> is set when the recorded times it
/// rests on are in an impossible order: then it must not be stated as a number.
/// </summary>
public readonly record struct MeasuredSpan(TimeSpan Value, bool ImpossibleOrder);
