namespace ScribeBot.Core.Channels;

/// <summary>A chat user as the platform names them: a stable id and the name people see.</summary>
public sealed record Person(string Id, string DisplayName)
{
    public override string ToString() => DisplayName;
}
