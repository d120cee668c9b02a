using Microsoft.AspNetCore.Http;
using ScribeBot.Alerts.Authentication;
using ScribeBot.Alerts.Reading;
using ScribeBot.Core.Paging;

namespace ScribeBot.Alerts.Sources;

/// <summary>A source that proves itself with a shared token (<see cref="SharedToken"/>): Opsgenie, Alertmanager, Grafana.</summary>
internal sealed class SharedTokenSource(PageSource source, SharedTokenOptions options, Func<PayloadNode, DateTimeOffset, AlertRead> read)
    : IAlertSource
{
    private readonly SharedToken _token = new(options.Token);

    public PageSource Source => source;

    public bool IsOn { get; } = options.IsSet;

    public AlertAuthentication Authenticate(HttpRequest request, byte[] body) => _token.Verify(request.Headers);

    public AlertRead Read(byte[] body, DateTimeOffset receivedAt) => PayloadJson.Read(body, payload => read(payload, receivedAt));
}
