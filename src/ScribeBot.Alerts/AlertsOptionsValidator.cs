using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ScribeBot.Alerts;

/// <summary>
/// Refuses to start with an alert secret anyone could guess or that cannot work, one line per problem naming its key:
/// a token or signing secret shorter than <see cref="MinSecretLength"/>, a PagerDuty secret given as one string where
/// a list is read (it would be ignored, and the endpoint silently off), a <c>MaxAge</c> out of range.
/// </summary>
internal sealed class AlertsOptionsValidator(IConfiguration configuration) : IValidateOptions<AlertsOptions>
{
    /// <summary>Sixteen characters: a token people type ("opsgenie", "prometheus") is shorter; a generated one is longer.</summary>
    public const int MinSecretLength = 16;

    public static readonly TimeSpan MaxMaxAge = TimeSpan.FromDays(1);

    private const string Prefix = AlertsOptions.SectionName + ":";
    private const string SecretsKey = Prefix + "PagerDuty:SigningSecrets";

    public ValidateOptionsResult Validate(string? name, AlertsOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(configuration[SecretsKey]))
        {
            failures.Add($"{SecretsKey} is a list, not one value: set {Environment(SecretsKey)}__0 (and __1 beside it while rotating).");
        }

        for (var index = 0; index < options.PagerDuty.SigningSecrets.Count; index++)
        {
            CheckLength($"{SecretsKey}:{index}", options.PagerDuty.SigningSecrets[index], failures);
        }

        if (options.PagerDuty.MaxAge <= TimeSpan.Zero || options.PagerDuty.MaxAge > MaxMaxAge)
        {
            failures.Add($"{Prefix}PagerDuty:MaxAge must be more than zero and at most 1.00:00:00, e.g. 01:00:00.");
        }

        CheckLength(Prefix + "Opsgenie:Token", options.Opsgenie.Token, failures);
        CheckLength(Prefix + "Alertmanager:Token", options.Alertmanager.Token, failures);
        CheckLength(Prefix + "Grafana:Token", options.Grafana.Token, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckLength(string key, string? secret, List<string> failures)
    {
        // Blank is "off", not a short secret.
        if (!string.IsNullOrWhiteSpace(secret) && secret.Length < MinSecretLength)
        {
            failures.Add($"{key} is shorter than {MinSecretLength} characters: use a random one (e.g. openssl rand -hex 32), " +
                $"set in the environment ({Environment(key)}).");
        }
    }

    private static string Environment(string key) => key.Replace(":", "__", StringComparison.Ordinal);
}
