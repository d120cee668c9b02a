using ScribeBot.Core.Postmortem.Picture;
using ScribeBot.Testing.Pictures;

namespace ScribeBot.Testing;

public sealed partial class ScribeBotApplication
{
    /// <summary>
    /// The host draws timeline pictures with <paramref name="picture"/> (none given: a <see cref="FixedTimelinePicture"/>),
    /// registered over any renderer the host has, so a test knows what the drafts must carry.
    /// </summary>
    public ScribeBotApplication WithTimelinePicture(ITimelinePicture? picture = null) =>
        WithServices(services => services.AddSingleton(picture ?? new FixedTimelinePicture()));

    /// <summary>What the host's picture service draws for the stored incident <paramref name="incidentId"/>.</summary>
    public async Task<TimelineImage> PictureOfAsync(string incidentId)
    {
        var incident = await Store.GetIncidentAsync(incidentId, CancellationToken.None);
        Assert.NotNull(incident);
        var entries = await Store.GetTimelineAsync(incidentId, CancellationToken.None);
        return Service<ITimelinePicture>().Draw(incident, entries);
    }
}
