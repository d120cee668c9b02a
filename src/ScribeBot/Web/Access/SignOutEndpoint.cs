using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace ScribeBot.Web.Access;

/// <summary>
/// <c>POST /signout</c> (with an antiforgery token, so no other site can sign a user out): ends the dashboard session.
/// Only this site's session: the user stays signed in to Slack or Microsoft, so the next visit signs in again without a
/// prompt unless they sign out there too. Mapped only when sign-in is on.
/// </summary>
internal static class SignOutEndpoint
{
    public const string Route = "/signout";

    private const string SignedOutPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8" /><title>Signed out - ScribeBot</title></head>
        <body>
        <h1>Signed out</h1>
        <p>Your ScribeBot session has ended. You are still signed in to Slack or Microsoft, so signing in again may not
        ask for a password. <a href="/">Sign in again</a>.</p>
        </body>
        </html>
        """;

    public static IEndpointConventionBuilder MapSignOut(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Route, SignOutAsync);

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return Results.BadRequest();
        }

        await context.SignOutAsync(OidcSignIn.CookieScheme).ConfigureAwait(false);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(SignedOutPage, "text/html; charset=utf-8");
    }
}
