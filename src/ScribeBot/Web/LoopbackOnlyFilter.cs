using System.Net;

namespace ScribeBot.Web;

/// <summary>
/// Until sign-in is configured, the web pages answer only the machine itself: incident records are not for whoever
/// can reach the port. A request from anywhere else gets 403 and nothing else.
/// </summary>
internal sealed class LoopbackOnlyFilter : IEndpointFilter
{
    public static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        IsLoopback(context.HttpContext) ? next(context) : ValueTask.FromResult<object?>(Results.StatusCode(StatusCodes.Status403Forbidden));
}
