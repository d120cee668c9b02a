using ScribeBot.Core.Channels;
using ScribeBot.Core.Facts;
using ScribeBot.Core.Followups;
using ScribeBot.Core.Metrics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ScribeBot.Core.Postmortem.Building;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Postmortem;
using ScribeBot.Core.Storage;
using ScribeBot.Web.Dashboard;
using ScribeBot.Pictures.Timeline;

namespace ScribeBot.Pages.Incidents;

/// <summary>
/// <c>/incidents/{id}</c>: an incident's summary, its timeline and the timeline diagram. The summary, warnings and
/// diagram come from the same <see cref="PostmortemDraft"/> as the draft, so the page and the posted draft agree.
/// </summary>
internal sealed class IncidentModel(
    IIncidentStore store, IEnumerable<IPeopleDirectory> people, TimeProvider timeProvider, FollowupStates states) : PageModel
{
    public string RequestedId { get; private set; } = "";

    public Core.Incidents.Incident? Incident { get; private set; }

    public PostmortemDocument? Document { get; private set; }

    public IncidentClock Clock { get; private set; } = IncidentClock.For("UTC");

    public IncidentFigures? Figures { get; private set; }

    /// <summary>The incident's facts by the draft's rules: detection, impact start and end, root cause found.</summary>
    public IncidentFacts? Facts { get; private set; }

    /// <summary>The response's phases, as the draft's Issue Summary measures them.</summary>
    public ResponsePhases Phases { get; private set; } = new(null, null, null, null);

    /// <summary>The draft's sentence on time lost to misleading paths, or null when none was measured.</summary>
    public string? TimeLostSentence { get; private set; }

    public IReadOnlyList<TimelineRow> Timeline { get; private set; } = [];

    public int DeletedCount { get; private set; }

    public string DiagramSvg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        RequestedId = id;
        var incident = await store.GetIncidentAsync(id, cancellationToken);
        if (incident is null)
        {
            // A page rather than a bare 404, so someone following an old link learns what was not found.
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var entries = await store.GetTimelineAsync(incident.Id, cancellationToken);
        (incident, entries) = await PeopleNames.ApplyAsync(people, incident, entries, cancellationToken);
        // The follow-ups' states as the tracker has them (cached), the stored ones marked when it cannot be read.
        incident = await states.ShowAsync(incident, cancellationToken);
        Incident = incident;
        Clock = IncidentClock.For(incident);
        Document = PostmortemDraft.Build(incident, entries);
        Facts = IncidentFacts.Of(incident, entries);
        Figures = IncidentFigures.Of(Facts, timeProvider.GetUtcNow());
        Phases = ResponsePhases.Of(Facts);
        TimeLostSentence = TimeLostText.Sentence(TimeLost.Of(Facts));
        Timeline = TimelineRow.From(entries, Clock);
        DeletedCount = entries.Count(e => e.Deleted);
        DiagramSvg = TimelineSvg.Render(TimelineChart.For(incident, Document.Diagram), "timeline");
        return Page();
    }

    /// <summary>Where the detection time comes from, as the draft's Detection line says it.</summary>
    public static string DetectionNote(DetectionFact detection) => detection.Source switch
    {
        DetectionSource.Page => $"by the page ({detection.By?.DisplayName})",
        DetectionSource.TaggedMessage => $"the first message tagged detection, by {detection.By?.DisplayName}",
        _ => $"by {detection.By?.DisplayName}",
    };

    /// <summary>Where the end of impact comes from (IncidentFacts' precedence).</summary>
    public static string RecoveryNote(RecoveryFact recovery) => recovery.Source switch
    {
        RecoverySource.Page => $"the page resolved ({recovery.By.DisplayName})",
        RecoverySource.TaggedMessage => $"the last message tagged resolution, by {recovery.By.DisplayName}",
        _ => $"by {recovery.By.DisplayName}",
    };

    /// <summary><c>Mon, Mar 2, 2026, 14:02 CET</c>.</summary>
    public string When(DateTimeOffset at) => $"{Clock.DayAndTime(at)} {Clock.Abbreviation(at)}";
}
