using ScribeBot.Core.Incidents;
using ScribeBot.Core.Links;

namespace ScribeBot.Web.Dashboard;

/// <summary>One line of the incidents list.</summary>
internal sealed record IncidentRow(Incident Incident, IncidentFigures Figures)
{
    public string Link => IncidentPages.Page(Incident.Id);

    public string PostmortemLink => IncidentPages.Editor(Incident.Id);

    public string StatusValue => IncidentListFilter.StatusValues[(int)Incident.Status];

    public string PlatformValue => IncidentListFilter.PlatformValues[(int)Incident.Channel.Platform];
}
