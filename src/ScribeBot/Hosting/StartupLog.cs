using Microsoft.Extensions.Options;
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
            var slack = app.Services.GetRequiredService<IOptions<SlackOptions>>().Value;
            // Both are needed: the secret to accept requests, the token to answer and to name people.
            LogPlatform(logger, "Slack", !string.IsNullOrWhiteSpace(slack.SigningSecret) && !string.IsNullOrWhiteSpace(slack.BotToken)
                ? "configured"
                : "not configured (set Slack:SigningSecret and Slack:BotToken)");
            LogPlatform(logger, "Microsoft Teams", string.IsNullOrWhiteSpace(app.Configuration["MicrosoftAppId"])
                ? "POST /api/messages WITHOUT authentication (MicrosoftAppId is empty: local testing only)"
                : "POST /api/messages, authenticated as app " + app.Configuration["MicrosoftAppId"]);
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

    /// <summary>
    /// Another process holds the data file: one line that names the file and the holder, rather than a crash with a
    /// stack trace. Written before the exit, so the caller must dispose the host to flush the console.
    /// </summary>
    public static void LogDataFileInUse(this WebApplication app, ScribeBot.LiteDb.DataFileInUseException exception)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ScribeBot");
        var reason = exception.Message;
        LogDataFileInUse(logger, exception, reason);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "ScribeBot cannot start: {Reason}")]
    private static partial void LogDataFileInUse(ILogger logger, Exception exception, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "ScribeBot listening on {Urls}")]
    private static partial void LogListening(ILogger logger, string urls);

    [LoggerMessage(Level = LogLevel.Information, Message = "Platform {Platform}: {State}")]
    private static partial void LogPlatform(ILogger logger, string platform, string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard access: {Access}")]
    private static partial void LogDashboardAccess(ILogger logger, string access);

    [LoggerMessage(Level = LogLevel.Information, Message = "Web sandbox: open {Url}/sandbox in a browser to try ScribeBot without Slack or Teams")]
    private static partial void LogSandbox(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Default incident time zone: {TimeZone}")]
    private static partial void LogTimeZone(ILogger logger, string timeZone);
}
