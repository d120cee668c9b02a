using ScribeBot.Core.Facts;
using static ScribeBot.Testing.Storage.Samples;

namespace ScribeBot.Testing.Storage;

/// <summary>
/// The outage each listed incident carries (<see cref="IncidentPage.Outages"/>): the Issue Summary's, so a detection or
/// resolution tagged on a message moves it in the list as on the incident's page, and untagging moves it back.
/// </summary>
public abstract partial class IncidentStoreContract
{
    [Fact]
    public async Task The_list_measures_the_outage_from_a_tagged_detection_to_a_tagged_resolution()
    {
        var incident = await OpenAsync(Channel("C1"), T0);
        var resolved = incident with { Status = IncidentStatus.Resolved, Resolved = new Milestone(T0.AddHours(1), Alice) };
        await Store.SaveIncidentAsync(
            resolved,
            [
                Tagged(Entry(incident.Id, "alert", T0.AddMinutes(-10)), TimelineTag.Detection),
                Entry(incident.Id, "back", T0.AddMinutes(40), "error rate back to normal"),
            ],
            [],
            None);
        var beforeTag = await OutageOfAsync(incident.Id);

        await Store.UpdateEntryAsync(incident.Id, "back", e => Tagged(e, TimelineTag.Resolution), None);
        var tagged = await OutageOfAsync(incident.Id);

        await Store.UpdateEntryAsync(incident.Id, "alert", e => e with { Marks = [] }, None);
        var detectionUntagged = await OutageOfAsync(incident.Id);

        // Impact began at the tagged detection (before the declaration) and ran to the resolve...
        Assert.Equal(new OutageWindow(T0.AddMinutes(-10), new MeasuredSpan(TimeSpan.FromMinutes(70), false)), beforeTag);
        // ...then to the message tagged resolution...
        Assert.Equal(new OutageWindow(T0.AddMinutes(-10), new MeasuredSpan(TimeSpan.FromMinutes(50), false)), tagged);
        // ...and from the declaration once nothing says impact began earlier.
        Assert.Equal(new OutageWindow(T0, new MeasuredSpan(TimeSpan.FromMinutes(40), false)), detectionUntagged);
    }

    [Fact]
    public async Task The_list_gives_an_open_incident_its_start_and_no_length()
    {
        var incident = await OpenAsync(Channel("C1"), T0);
        await Store.SaveIncidentAsync(incident, [Tagged(Entry(incident.Id, "alert", T0.AddMinutes(-3)), TimelineTag.Detection)], [], None);

        var page = await Store.QueryIncidentsAsync(new IncidentQuery(), None);

        Assert.Equal(new OutageWindow(T0.AddMinutes(-3), null), page.OutageOf(Assert.Single(page.Items)));
    }

    private async Task<OutageWindow> OutageOfAsync(string incidentId)
    {
        var page = await Store.QueryIncidentsAsync(new IncidentQuery(), None);
        return page.OutageOf(Assert.Single(page.Items, i => i.Id == incidentId));
    }

    private static TimelineEntry Tagged(TimelineEntry entry, TimelineTag tag) => entry with { Marks = [new TagMark(tag, Alice.Id)] };
}
