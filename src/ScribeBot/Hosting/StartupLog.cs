using Microsoft.Extensions.Options;
using ScribeBot.Core.Configuration;

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
            // The chat adapters are not part of this version yet; say so rather than pretend a key enables them.
            LogPlatform(logger, "Slack", "not available in this version");
            LogPlatform(logger, "Microsoft Teams", "not available in this version");
            LogPlatform(logger, "Replay", "available: dotnet run --project src/ScribeBot -- replay FILE");
            LogTimeZone(logger, timeZone);
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ScribeBot listening on {Urls}")]
    private static partial void LogListening(ILogger logger, string urls);

    [LoggerMessage(Level = LogLevel.Information, Message = "Platform {Platform}: {State}")]
    private static partial void LogPlatform(ILogger logger, string platform, string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Default incident time zone: {TimeZone}")]
    private static partial void LogTimeZone(ILogger logger, string timeZone);
}
