using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Links;

namespace ScribeBot.Web.Dashboard;

/// <summary>One line of the incidents list.</summary>
internal sealed record IncidentRow(Incident Incident, IncidentFigures Figures)
{
    public string Link => IncidentPages.Page(Incident.Id);

    public string PostmortemLink => IncidentPages.Editor(Incident.Id);

    public string StatusValue => Incident.Status.ToName();

    public string PlatformValue => Incident.Channel.Platform.ToName();
}
