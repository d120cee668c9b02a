namespace ScribeBot.Web.Sandbox;

/// <summary>A post into the sandbox: its message id, or why it was refused (and nothing changed).</summary>
internal sealed record SandboxPostResult(string? MessageId, string? Error)
{
    public static SandboxPostResult Posted(string messageId) => new(messageId, null);

    public static SandboxPostResult Refused(string error) => new(null, error);
}

/// <summary>A reaction toggled (<see cref="Added"/> says which way), or why it was refused.</summary>
internal sealed record SandboxReactResult(bool Added, string? Error)
{
    public static SandboxReactResult Done(bool added) => new(added, null);

    public static SandboxReactResult Refused(string error) => new(false, error);
}
