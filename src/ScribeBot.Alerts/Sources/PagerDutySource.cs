using Microsoft.AspNetCore.Http;
using ScribeBot.Alerts.Authentication;
using ScribeBot.Alerts.Reading;
using ScribeBot.Core.Paging;

namespace ScribeBot.Alerts.Sources;

/// <summary>PagerDuty Webhooks V3: signed bodies (<see cref="PagerDutySignature"/>), read by <see cref="PagerDutyReader"/>.</summary>
internal sealed class PagerDutySource(PagerDutyOptions options) : IAlertSource
{
    private readonly PagerDutySignature _signature = new(options.ConfiguredSecrets);

    public PageSource Source => PageSource.PagerDuty;

    public bool IsOn { get; } = options.ConfiguredSecrets.Count > 0;

    public AlertAuthentication Authenticate(HttpRequest request, byte[] body) =>
        _signature.Verify(request.Headers[PagerDutySignature.HeaderName].ToString(), body);

    public AlertRead Read(byte[] body, DateTimeOffset receivedAt) =>
        PayloadJson.Read(body, payload => PagerDutyReader.Read(payload, receivedAt, options.MaxAge));
}
