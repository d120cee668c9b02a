using Microsoft.AspNetCore.Http;
using ScribeBot.Alerts.Authentication;
using ScribeBot.Alerts.Reading;
using ScribeBot.Core.Paging;

namespace ScribeBot.Alerts.Sources;

/// <summary>One pager's webhook as the endpoint sees it: on or off, how a request proves where it came from, how its body reads.</summary>
internal interface IAlertSource
{
    PageSource Source { get; }

    /// <summary>False until its secret is configured: the endpoint then answers 404 and reads nothing.</summary>
    bool IsOn { get; }

    AlertAuthentication Authenticate(HttpRequest request, byte[] body);

    AlertRead Read(byte[] body, DateTimeOffset receivedAt);
}
