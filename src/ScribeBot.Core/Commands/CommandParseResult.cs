using System.Diagnostics.CodeAnalysis;

namespace ScribeBot.Core.Commands;

/// <summary>A parsed command, or the specific reason the text is not one.</summary>
public sealed record CommandParseResult(IncidentCommand? Command, string? Error)
{
    [MemberNotNullWhen(true, nameof(Command))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Command is not null;

    public static CommandParseResult Ok(IncidentCommand command) => new(command, null);

    public static CommandParseResult Fail(string error) => new(null, error);
}
