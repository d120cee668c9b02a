using System.Text.RegularExpressions;

namespace ScribeBot.Hosting;

/// <summary>
/// A setting the configuration binder could not convert (<c>Storage:LiteDb:WriteTimeout=soon</c>), told as one sentence
/// that names the key, its value and the form it takes. The binder says so only in an
/// <see cref="InvalidOperationException"/> whose message carries the key and the type, so that message is what is read.
/// </summary>
internal static partial class SettingConversionFailure
{
    public static bool IsOne(Exception exception) => exception is InvalidOperationException && BinderMessage().IsMatch(exception.Message);

    /// <summary>The sentence for <paramref name="exception"/>, or null when it is not a failed conversion of a setting.</summary>
    public static string? Describe(Exception exception, IConfiguration configuration)
    {
        if (!IsOne(exception) || BinderMessage().Match(exception.Message) is not { Success: true } match)
        {
            return null;
        }

        var key = match.Groups["key"].Value;
        var value = configuration[key];
        return $"{key} is '{value}', which is not {FormOf(match.Groups["type"].Value)}.";
    }

    private static string FormOf(string type) => type switch
    {
        "System.TimeSpan" => "a time span written [d.]hh:mm:ss (e.g. 00:00:10, or 30.00:00:00 for 30 days)",
        "System.Boolean" => "true or false",
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Uri" => "a URL (e.g. https://slack.com/api/)",
        _ => $"a value of type {type}",
    };

    [GeneratedRegex(@"^Failed to convert configuration value(?: '[^']*')? at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex BinderMessage();
}
