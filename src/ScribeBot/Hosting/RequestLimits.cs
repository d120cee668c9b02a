using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ScribeBot.Hosting;

/// <summary>
/// One body limit for every request the host takes, so no route (a dashboard form, a route added later) can be made
/// to buffer more than the chat endpoints accept. Slack's and Teams' payloads are a few KiB; a postmortem edit is
/// tens. Kestrel answers 413 to a body over the limit, whether it announced its length or streamed it chunked.
/// </summary>
internal static class RequestLimits
{
    public const int MaxBodyBytes = 1024 * 1024;

    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = MaxBodyBytes);
        services.Configure<FormOptions>(form =>
        {
            form.MultipartBodyLengthLimit = MaxBodyBytes;
            form.ValueLengthLimit = MaxBodyBytes;
        });
        return services;
    }
}
