using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ScribeBot.Hosting;

/// <summary>
/// Refuses to start when a secret holds a placeholder rather than a secret: the example file's own "(secret: ...)"
/// texts, <c>changeme</c>, <c>YOUR-...</c>, <c>&lt;...&gt;</c> and the like. A host that started with one would sign
/// requests, verify Slack's or log in to Microsoft with a value anyone can read in our repository, or fail at 3 a.m.
/// on the first request instead of at deploy time. Each failure names the key.
/// </summary>
internal static partial class SecretPlaceholders
{
    /// <summary>Every key that holds a secret; the example file leaves each of them empty.</summary>
    public static readonly IReadOnlyList<string> SecretKeys =
    [
        "Slack:SigningSecret",
        "Slack:BotToken",
        "Slack:AppToken",
        "MicrosoftAppPassword",
        "Dashboard:Oidc:ClientSecret",
        "Alerts:Opsgenie:Token",
        "Alerts:Alertmanager:Token",
        "Alerts:Grafana:Token",
        "Followups:GitHub:Token",
        "Followups:Jira:ApiToken",
        "Followups:Linear:ApiKey",
    ];

    /// <summary>Keys that hold a list of secrets (rotation); the example file leaves each list empty.</summary>
    public static readonly IReadOnlyList<string> SecretListKeys =
    [
        "Alerts:PagerDuty:SigningSecrets",
    ];

    public static IServiceCollection AddSecretPlaceholderCheck(this IServiceCollection services)
    {
        services.AddOptions<ConfiguredSecrets>()
            .Configure<IConfiguration>((secrets, configuration) =>
            {
                foreach (var key in SecretKeys)
                {
                    secrets.Values[key] = configuration[key];
                }

                foreach (var entry in SecretListKeys.SelectMany(key => configuration.GetSection(key).GetChildren()))
                {
                    secrets.Values[entry.Path] = entry.Value;
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConfiguredSecrets>, Validator>();
        return services;
    }

    /// <summary>True when <paramref name="value"/> reads as a placeholder someone forgot to replace.</summary>
    public static bool IsPlaceholder(string? value) => value is not null && Placeholder().IsMatch(value.Trim());

    // Whole-value shapes only: a real token or secret is random text and matches none of these.
    [GeneratedRegex(
        @"^(\(.*\)|<.*>|\{\{.*\}\}|\$\{.*\}|\[.*\]|change[-_ ]?me.*|your[-_ ].*|replace[-_ ]?me.*|todo|tbd|xxx+|placeholder.*|secret|password|example.*|.*[-_ ]here|set[-_ ].*|xox[bpa]-(your|x+|\.\.\.).*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();

    /// <summary>The secret keys' values, for the validator (never logged).</summary>
    internal sealed class ConfiguredSecrets
    {
        public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);
    }

    private sealed class Validator : IValidateOptions<ConfiguredSecrets>
    {
        public ValidateOptionsResult Validate(string? name, ConfiguredSecrets options)
        {
            var failures = options.Values
                .Where(pair => IsPlaceholder(pair.Value))
                .Select(pair => $"{pair.Key} holds a placeholder, not a secret: set the real value in the environment " +
                    $"({pair.Key.Replace(":", "__", StringComparison.Ordinal)}) or leave the key empty.")
                .ToArray();
            return failures.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
