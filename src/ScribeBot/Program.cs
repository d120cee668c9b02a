using ScribeBot.Alerts;
using ScribeBot.Hosting;
using ScribeBot.LiteDb;
using ScribeBot.Migrate;
using ScribeBot.MigrateStore;
using ScribeBot.Purge;
using ScribeBot.Replay;
using ScribeBot.Slack;
using ScribeBot.Teams;
using ScribeBot.Web;
using ScribeBot.Web.Access;

if (args is ["replay", .. var replayArgs])
{
    return await ReplayVerb.RunAsync(replayArgs, Console.Out, Console.Error, CancellationToken.None);
}

if (args is ["purge", .. var purgeArgs])
{
    return await PurgeVerb.RunAsync(purgeArgs, Console.Out, Console.Error, CancellationToken.None);
}

if (args is ["migrate", .. var migrateArgs])
{
    return await MigrateVerb.RunAsync(migrateArgs, Console.Out, Console.Error, CancellationToken.None);
}

if (args is ["migrate-store", .. var migrateStoreArgs])
{
    return await MigrateStoreVerb.RunAsync(migrateStoreArgs, Console.Out, Console.Error, CancellationToken.None);
}

if (args is [var first, ..] && HostUsage.IsHelp(first))
{
    await Console.Out.WriteLineAsync(HostUsage.Text);
    return 0;
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json ships next to the binary, so `dotnet run --project src/ScribeBot` finds it from any directory.
    ContentRootPath = AppContext.BaseDirectory,
});

DefaultListenAddress.ApplyTo(builder);
builder.Services.AddScribeHost(builder.Configuration);
var startupWindow = new StartupWindow();
startupWindow.AddTo(builder.Logging);

var app = builder.Build();

app.UseExceptionHandler(new ExceptionHandlerOptions
{
    // A request the server itself refused while it was being read (body over the limit, cut short) is the client's
    // fault: answer with its 4xx, not 500.
    // A store out of reach (PostgreSQL restarting) is "not now": 503 with Retry-After (StoreUnavailableAnswer).
    StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode
        : StoreUnavailableAnswer.StatusCodeOf(exception) ?? StatusCodes.Status500InternalServerError,
    // Neither is logged as an unhandled error: operators alert on those (README, Operations), and the store logs its
    // outage once rather than once per request.
    SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException or ScribeBot.Core.Storage.StoreUnavailableException,
});
// Before authentication: a sign-in challenge must not be issued under a host name the host does not serve.
app.UseMiddleware<WebHostGuard>();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealthChecks("/healthz").AsMachineEndpoint();
app.MapSlack().AsMachineEndpoint();
app.MapTeams().AsMachineEndpoint();
app.MapAlerts().AsMachineEndpoint();
app.MapDashboardAccess();
app.MapPostmortemDownload();
app.MapTimelinePicture();
app.MapRazorPages().RequireAuthorization(DashboardAccess.PolicyName);
// Last: an address nothing above answers. People get a page with a way back; machines still get a bare 404.
app.MapFallbackToPage("{**path}", "/NotFound");
app.MapBenchmarkCeiling();
app.LogStartup();

try
{
    await startupWindow.StartAsync(() => app.StartAsync());
}
catch (Exception exception) when (StartupFailure.ExitCodeOf(exception) is { } exitCode)
{
    // One Critical line per reason and a documented exit code, rather than a crash with a stack trace; the host is
    // still alive to log it, and disposing it flushes the console.
    app.LogCannotStart(exception);
    await app.DisposeAsync();
    if (!StartupFailure.IsOwnProcess)
    {
        throw;
    }

    return exitCode;
}

await app.WaitForShutdownAsync();
await app.DisposeAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
