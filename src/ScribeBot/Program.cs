using ScribeBot.Hosting;
using ScribeBot.Replay;
using ScribeBot.Slack;
using ScribeBot.Teams;
using ScribeBot.Web;
using ScribeBot.Web.Access;

if (args is ["replay", .. var replayArgs])
{
    return await ReplayVerb.RunAsync(replayArgs, Console.Out, Console.Error, CancellationToken.None);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json ships next to the binary, so `dotnet run --project src/ScribeBot` finds it from any directory.
    ContentRootPath = AppContext.BaseDirectory,
});

builder.Services.AddScribeHost(builder.Configuration);

var app = builder.Build();

app.UseExceptionHandler();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealthChecks("/healthz");
app.MapSlack();
app.MapTeams();
app.MapDashboardAccess();
app.MapPostmortemDownload();
app.MapRazorPages().RequireAuthorization(DashboardAccess.PolicyName);
app.MapBenchmarkCeiling();
app.LogStartup();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
