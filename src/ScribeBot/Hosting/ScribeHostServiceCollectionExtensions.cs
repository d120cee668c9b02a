using ScribeBot.Alerts;
using ScribeBot.Core;
using ScribeBot.Core.Configuration;
using ScribeBot.Core.Paging.Routing;
using ScribeBot.Core.Retention;
using ScribeBot.Followups;
using ScribeBot.Pictures;
using ScribeBot.Slack;
using ScribeBot.Teams;
using ScribeBot.Web.Access;
using ScribeBot.Web.Sandbox;

namespace ScribeBot.Hosting;

/// <summary>Everything the web host registers, in one place.</summary>
internal static class ScribeHostServiceCollectionExtensions
{
    public static IServiceCollection AddScribeHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRequestLimits();
        services.AddSecretPlaceholderCheck();
        services.AddOptions<ScribeOptions>().BindConfiguration(ScribeOptions.SectionName).ValidateOnStart();
        services.AddScribeCore();
        services.AddStore(configuration);
        // After the store: hosted services stop in reverse order, so the dispatcher stops before the store closes.
        services.AddHostedService<OutboxWorker>();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateOnStart();
        services.AddOptions<PageRoutingOptions>().BindConfiguration(PageRoutingOptions.SectionName).ValidateOnStart();
        services.AddHostedService<RetentionWorker>();
        // Each registers its mention syntax; the core reads every platform's in every request (see MentionReader).
        services.AddSlack();
        services.AddTeams();
        services.AddAlerts();
        services.AddFollowups();
        services.AddScribePictures();
        services.AddSandbox();
        services.AddDashboardAccess(configuration);
        // Before AddRazorPages, which only adds the default encoder when none is registered.
        services.AddSingleton<System.Text.Encodings.Web.HtmlEncoder, ScribeBot.Web.BidiClosingHtmlEncoder>();
        services.AddRazorPages();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["correlationId"] = context.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<StoreUnavailableAnswer>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", timeout: TimeSpan.FromSeconds(5));
        return services;
    }
}
