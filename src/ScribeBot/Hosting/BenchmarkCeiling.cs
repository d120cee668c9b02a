using ScribeBot.Web.Access;

namespace ScribeBot.Hosting;

/// <summary>
/// <c>POST /bench/ceiling</c>, mapped only when <c>Diagnostics:CeilingEndpoint</c> is true: answers 200 and does
/// nothing else, behind the same middleware as <c>/slack/events</c>. The ingest benchmark (<c>bench/Ingest</c>) sends
/// it the same signed requests to measure what this host could serve at best on the machine, so ScribeBot's own
/// figure can be read as a share of that ceiling rather than as an absolute that depends on the hardware.
/// Off by default: a production host has no reason to answer unverified posts.
/// </summary>
internal static partial class BenchmarkCeiling
{
    public const string SettingKey = "Diagnostics:CeilingEndpoint";

    public const string Route = "/bench/ceiling";

    public static void MapBenchmarkCeiling(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>(SettingKey))
        {
            return;
        }

        app.MapPost(Route, () => TypedResults.Ok()).AsMachineEndpoint();
        LogMapped(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ScribeBot"), Route, SettingKey);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Benchmark ceiling endpoint POST {Route} is on ({Setting}); it answers anyone with 200")]
    private static partial void LogMapped(ILogger logger, string route, string setting);
}
