using ScribeBot.Core.Paging;

namespace ScribeBot.Tests.Web;

/// <summary>Incidents whose clocks run from a page, put into a running host: declared a minute after the page fired.</summary>
internal static class PagedIncidents
{
    public static async Task<Incident> SeedAsync(
        ScribeBotApplication host, ChannelRef channel, PageSource source, string? service, DateTimeOffset fired, int ackAfter, int resolveAfter)
    {
        var person = DashboardFixture.Alice;
        await host.RunAsync(channel, person, $"start {source.ToLabel()} page sev2", fired.AddMinutes(1));
        await host.RunAsync(channel, person, "ack", fired.AddMinutes(ackAfter));
        var resolved = (await host.RunAsync(channel, person, "resolve", fired.AddMinutes(resolveAfter))).Incident!;
        var paged = resolved with { Page = new PageLink(source, $"{channel.Channel}-alert", fired, "High error rate", service) };
        await host.Store.SaveIncidentAsync(paged, [], [], CancellationToken.None);
        return paged;
    }
}
