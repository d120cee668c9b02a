using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ScribeBot.Core.Text;
using ScribeBot.Web.Access;

namespace ScribeBot.Pages;

/// <summary>
/// Any address nothing else answers (<c>MapFallbackToPage</c> in Program.cs). A person who mistypes an address or
/// follows an old link gets a page in the dashboard's look with a way back, answered 404; a machine gets the bare 404
/// it always had: anything but a GET or HEAD, a request that does not accept HTML, and anything under the machine
/// paths (<c>/api</c>, <c>/slack</c>, <c>/alerts</c>, <c>/healthz</c>), whose callers read status codes, not pages.
/// So does anyone the dashboard would not serve: the fallback must not turn a 404 into a 403 or a sign-in redirect
/// for Slack, Teams or a probe calling a path that is off (Teams without an app id), so the dashboard's rule is
/// checked here, and failing it is the bare 404 such callers always got.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // a POST to nowhere is a plain 404, not a 400 about a token it could never have had
internal sealed class NotFoundModel(IAuthorizationService authorization) : PageModel
{
    private static readonly string[] MachinePaths = ["/api", "/slack", "/alerts", "/healthz"];

    /// <summary>The address asked for, shortened for the page.</summary>
    public string RequestedPath { get; private set; } = "";

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // Runs for every method, with or without a handler for it: a POST or PUT never renders the page.
        if (!IsPersonAskingForAPage(Request)
            || !(await authorization.AuthorizeAsync(User, HttpContext, DashboardAccess.PolicyName)).Succeeded)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status404NotFound);
            return;
        }

        await next();
    }

    public IActionResult OnGet()
    {
        RequestedPath = TextShortener.Shorten(Request.Path.Value ?? "/", 120);
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private static bool IsPersonAskingForAPage(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !MachinePaths.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
        && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
