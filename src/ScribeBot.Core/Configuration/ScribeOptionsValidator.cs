using Microsoft.Extensions.Options;
using ScribeBot.Core.Tagging;
using ScribeBot.Core.Time;

namespace ScribeBot.Core.Configuration;

/// <summary>Refuses to start with a time zone that is not an IANA id or a reaction mapped to no tag.</summary>
public sealed class ScribeOptionsValidator : IValidateOptions<ScribeOptions>
{
    public ValidateOptionsResult Validate(string? name, ScribeOptions options)
    {
        var failures = new List<string>();
        if (!IncidentTimeZone.TryFind(options.TimeZone, out _))
        {
            failures.Add($"Scribe:TimeZone is '{options.TimeZone}', which is not an IANA time zone id (e.g. UTC, Europe/Berlin).");
        }

        try
        {
            _ = new ReactionTable(options.Reactions);
        }
        catch (ArgumentException e)
        {
            failures.Add(e.Message);
        }

        if (options.PublicBaseUrl is { Length: > 0 } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            failures.Add($"Scribe:PublicBaseUrl is '{url}', which is not an absolute URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
