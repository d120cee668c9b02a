using ScribeBot.Alerts.Tests.Endpoint;

namespace ScribeBot.Alerts.Tests.Configuration;

/// <summary>The <c>Alerts</c> keys: checked at start with one line naming the key, summarised once the host listens.</summary>
public sealed class AlertsSettingsTests
{
    [Theory]
    [InlineData("Alerts:Opsgenie:Token", "opsgenie", "is shorter than 16 characters")]
    [InlineData("Alerts:Alertmanager:Token", "prometheus-1234", "is shorter than 16 characters")]
    [InlineData("Alerts:Grafana:Token", "gr4f4n4", "is shorter than 16 characters")]
    [InlineData("Alerts:PagerDuty:SigningSecrets:0", "short-secret", "is shorter than 16 characters")]
    [InlineData("Alerts:Opsgenie:Token", "your-opsgenie-token-here", "holds a placeholder, not a secret")]
    [InlineData("Alerts:Grafana:Token", "<grafana contact point token>", "holds a placeholder, not a secret")]
    [InlineData("Alerts:PagerDuty:SigningSecrets:0", "(secret: set Alerts__PagerDuty__SigningSecrets__0)", "holds a placeholder, not a secret")]
    public async Task A_short_or_placeholder_secret_stops_the_host_naming_the_key_not_the_value(string key, string value, string problem)
    {
        var error = await StartupErrors.OfSettingAsync(key, value);

        Assert.Contains($"{key} {problem}", error, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.Replace(key, "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Alerts:PagerDuty:SigningSecrets", "a-signing-secret-long-enough-0123",
        "Alerts:PagerDuty:SigningSecrets is a list, not one value: set Alerts__PagerDuty__SigningSecrets__0")]
    [InlineData("Alerts:PagerDuty:MaxAge", "00:00:00", "Alerts:PagerDuty:MaxAge must be more than zero and at most 1.00:00:00")]
    [InlineData("Alerts:PagerDuty:MaxAge", "2.00:00:00", "Alerts:PagerDuty:MaxAge must be more than zero and at most 1.00:00:00")]
    public async Task A_pagerduty_secret_given_as_one_value_or_a_max_age_out_of_range_stops_the_host(string key, string value, string expected)
    {
        var error = await StartupErrors.OfSettingAsync(key, value);

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_start_up_summary_names_the_sources_that_take_pages_and_those_that_are_off()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await AlertHost.StartAsync(new RecordingPageReceiver(), h => h.WithLogs(logs).WithPagerDuty().WithAlertToken(PageSource.Alertmanager));

        var line = Assert.Single(logs.Logs, log => log.Message.StartsWith("Alerts: ", StringComparison.Ordinal));

        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal("Alerts: on for PagerDuty at POST /alerts/pagerduty, Alertmanager at POST /alerts/alertmanager; off: Opsgenie, Grafana", line.Message);
    }

    [Fact]
    public async Task Without_any_alert_secret_the_summary_says_which_keys_turn_pages_on()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await AlertHost.StartAsync(new RecordingPageReceiver(), h => h.WithLogs(logs));

        var line = Assert.Single(logs.Logs, log => log.Message.StartsWith("Alerts: ", StringComparison.Ordinal));

        Assert.Equal("Alerts: off: no pager sends pages (set Alerts:PagerDuty:SigningSecrets:0, Alerts:Opsgenie:Token, " +
            "Alerts:Alertmanager:Token, Alerts:Grafana:Token to take them)", line.Message);
    }

    [Fact]
    public async Task Without_a_replacement_the_endpoints_hand_pages_to_the_core_s_intake()
    {
        await using var host = new ScribeBotApplication();

        Assert.IsType<PageIntakeReceiver>(host.Service<IPageReceiver>());
        Assert.NotNull(host.Service<PageIntake>());
    }

    [Fact]
    public void The_example_settings_show_every_alert_key_with_its_secret_empty()
    {
        using var example = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "appsettings.example.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var alerts = example.RootElement.GetProperty("Alerts");

        Assert.Equal(0, alerts.GetProperty("PagerDuty").GetProperty("SigningSecrets").GetArrayLength());
        Assert.Equal("01:00:00", alerts.GetProperty("PagerDuty").GetProperty("MaxAge").GetString());
        foreach (var source in new[] { "Opsgenie", "Alertmanager", "Grafana" })
        {
            Assert.Equal("", alerts.GetProperty(source).GetProperty("Token").GetString());
        }
    }
}
