using ScribeBot.Alerts;
using ScribeBot.Core.Paging;

namespace ScribeBot.Hosting;

/// <summary>
/// Which pagers can send pages, for the start-up summary: one calm line, naming the address of each source that is
/// on and the key that would turn on each that is off.
/// </summary>
internal static class AlertsSetup
{
    public static string Of(AlertsOptions options)
    {
        var sources = Enum.GetValues<PageSource>();
        var on = sources.Where(options.IsOn).Select(source => $"{source.ToLabel()} at POST {AlertsEndpointRouteBuilderExtensions.PathOf(source)}").ToList();
        var off = sources.Where(source => !options.IsOn(source)).ToList();
        if (on.Count == 0)
        {
            return $"off: no pager sends pages (set {string.Join(", ", off.Select(AlertsOptions.SecretKeyOf))} to take them)";
        }

        return off.Count == 0
            ? "on for " + string.Join(", ", on)
            : $"on for {string.Join(", ", on)}; off: {string.Join(", ", off.Select(source => source.ToLabel()))}";
    }
}
