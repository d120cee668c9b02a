using ScribeBot.Core.Incidents;
using ScribeBot.Core.Postmortem.Building;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Postmortem.Picture;
using ScribeBot.Core.Timeline;
using ScribeBot.Pictures.Png;
using ScribeBot.Pictures.Timeline;

namespace ScribeBot.Pictures;

/// <summary>
/// The timeline picture: the dashboard's own SVG (<see cref="TimelineSvg"/>, from the draft's diagram) drawn into a PNG
/// with the bundled font, 960 pixels wide at 1x. Its alt text is the SVG's title and description.
/// </summary>
internal sealed class TimelinePicture : ITimelinePicture
{
    /// <summary>Beyond 3x a phone gains nothing and the PNG grows by the square.</summary>
    public const int MaxScale = 3;

    public TimelineImage Draw(Incident incident, IReadOnlyList<TimelineEntry> entries, int scale = 1) =>
        Draw(incident, PostmortemDraft.Build(incident, entries).Diagram, scale);

    public TimelineImage Draw(Incident incident, PostmortemDiagram diagram, int scale = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, MaxScale);
        var chart = TimelineChart.For(incident, diagram);
        var layout = new TimelineLayout(chart);
        var height = (int)layout.Height;
        var png = SvgPng.Render(TimelineSvg.Render(chart, layout, "timeline"), TimelineLayout.Width, height, scale);
        return new TimelineImage(png, TimelineLayout.Width * scale, height * scale, AltText(chart, layout));
    }

    public TimelineDescription Describe(Incident incident, PostmortemDiagram diagram)
    {
        var chart = TimelineChart.For(incident, diagram);
        var layout = new TimelineLayout(chart);
        return new TimelineDescription(TimelineLayout.Width, (int)layout.Height, AltText(chart, layout));
    }

    private static string AltText(TimelineChart chart, TimelineLayout layout) =>
        $"{TimelineSvg.Title(chart)}. {TimelineSvg.Description(chart, layout)}";
}
