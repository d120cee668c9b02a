using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ScribeBot.Web.Sandbox;

/// <summary>What the sandbox accepts from a person: a user name, a channel name, a message. Errors are sentences to show.</summary>
internal static partial class SandboxInput
{
    public const int MaxUserNameLength = 40;
    public const int MaxMessageLength = 10_000;
    public const int MaxChannelNameLength = 40;
    public const string DefaultChannel = "sandbox";

    public static string ChannelRule => $"A channel name is 1 to {MaxChannelNameLength} lower-case letters, digits, - and _.";

    /// <summary>A name of 1 to 40 characters after trimming, without control characters.</summary>
    public static bool TryUserName(string? input, [NotNullWhen(true)] out string? name, [NotNullWhen(false)] out string? error)
    {
        var trimmed = input?.Trim() ?? "";
        error = trimmed switch
        {
            "" => "Pick a user name first.",
            { Length: > MaxUserNameLength } => $"A user name is 1 to {MaxUserNameLength} characters; this one has {trimmed.Length}.",
            _ when trimmed.Any(char.IsControl) => "A user name cannot contain control characters or line breaks.",
            _ => null,
        };
        name = error is null ? trimmed : null;
        return error is null;
    }

    /// <summary>A message of 1 to 10,000 characters after trimming.</summary>
    public static bool TryMessage(string? input, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out string? error)
    {
        var trimmed = input?.Trim() ?? "";
        error = trimmed switch
        {
            "" => "Type a message or an /incident command first.",
            { Length: > MaxMessageLength } =>
                $"A message is at most {MaxMessageLength:N0} characters; this one has {trimmed.Length:N0}. Nothing was posted.",
            _ => null,
        };
        text = error is null ? trimmed : null;
        return error is null;
    }

    /// <summary>Channel names as Slack has them: lower-case letters, digits, <c>-</c> and <c>_</c>; none means the default.</summary>
    public static bool TryChannel(string? input, [NotNullWhen(true)] out string? channel)
    {
        var name = string.IsNullOrWhiteSpace(input) ? DefaultChannel : input.Trim().ToLowerInvariant();
        channel = ChannelName().IsMatch(name) ? name : null;
        return channel is not null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex ChannelName();
}
