using Microsoft.Extensions.Options;
using ScribeBot.Alerts;
using ScribeBot.Core.Configuration;
using ScribeBot.Slack;
using ScribeBot.Web.Access;

namespace ScribeBot.Hosting;

/// <summary>Says, once the host listens, where it listens and which chat platforms are configured.</summary>
internal static partial class StartupLog
{
    public static void LogStartup(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ScribeBot");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            var timeZone = app.Services.GetRequiredService<IOptions<ScribeOptions>>().Value.TimeZone;
            LogListening(logger, urls);
            var slack = SlackSetup.Of(app.Services.GetRequiredService<IOptions<SlackOptions>>().Value);
            if (slack.Missing is { } missing)
            {
                LogPlatformHalfConfigured(logger, "Slack", missing);
            }
            else
            {
                LogPlatform(logger, "Slack", slack.State);
            }

            var teams = TeamsState(app.Configuration);
            LogPlatform(logger, "Microsoft Teams", teams);
            var alerts = AlertsSetup.Of(app.Services.GetRequiredService<IOptions<AlertsOptions>>().Value);
            LogAlerts(logger, alerts);
            var oidc = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value.Oidc;
            LogDashboardAccess(logger, oidc.Enabled
                ? $"sign-in with {oidc.Authority}; allowed tenants [{string.Join(", ", oidc.TenantList)}], workspaces [{string.Join(", ", oidc.WorkspaceList)}]"
                : "loopback requests only (set Dashboard:Oidc:* to require sign-in instead)");
            LogPlatform(logger, "Replay", "available: dotnet run --project src/ScribeBot -- replay FILE");
            if (app.Urls.FirstOrDefault() is { } url)
            {
                LogSandbox(logger, url);
            }

            LogTimeZone(logger, timeZone);
        });
    }

    /// <summary>Why the host cannot start, one Critical line per reason (each names its key or the data file and its holder).</summary>
    public static void LogCannotStart(this WebApplication app, Exception exception)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ScribeBot");
        foreach (var reason in StartupFailure.ReasonsOf(exception, app.Configuration))
        {
            LogCannotStart(logger, reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "ScribeBot cannot start: {Reason}")]
    private static partial void LogCannotStart(ILogger logger, string reason);

    private static string TeamsState(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"])
            ? "POST /api/messages, authenticated as app " + configuration["MicrosoftAppId"]
            : configuration.GetValue<bool>("Teams:AllowUnauthenticated")
                ? "POST /api/messages WITHOUT authentication, for the Bot Framework Emulator on this machine only (Teams:AllowUnauthenticated)"
                : "off: POST /api/messages answers 404 (set MicrosoftAppId and the keys beside it to connect Teams)";

    [LoggerMessage(Level = LogLevel.Information, Message = "ScribeBot listening on {Urls}")]
    private static partial void LogListening(ILogger logger, string urls);

    [LoggerMessage(Level = LogLevel.Information, Message = "Platform {Platform}: {State}")]
    private static partial void LogPlatform(ILogger logger, string platform, string state);

    // A warning, unlike a platform left out altogether: someone meant to connect it, and it will not work.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Platform {Platform}: only partly configured: {Missing}")]
    private static partial void LogPlatformHalfConfigured(ILogger logger, string platform, string missing);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alerts: {State}")]
    private static partial void LogAlerts(ILogger logger, string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard access: {Access}")]
    private static partial void LogDashboardAccess(ILogger logger, string access);

    [LoggerMessage(Level = LogLevel.Information, Message = "Web sandbox: open {Url}/sandbox in a browser to try ScribeBot without Slack or Teams")]
    private static partial void LogSandbox(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Default incident time zone: {TimeZone}")]
    private static partial void LogTimeZone(ILogger logger, string timeZone);
}
