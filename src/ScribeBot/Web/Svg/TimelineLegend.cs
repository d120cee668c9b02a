using ScribeBot.Core.Postmortem;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Web.Svg;

/// <summary>The legend under a <see cref="TimelineSvg"/>: one coloured dot per kind of event drawn, wrapped into rows.</summary>
internal static class TimelineLegend
{
    public sealed record Item(string Key, string Name, string Colour);

    public sealed record Placed(Item Item, double X, int Row);

    /// <summary>The kinds of <paramref name="events"/> in tag order (changes last), placed left to right and wrapped.</summary>
    public static List<Placed> LayOut(IReadOnlyList<DiagramEvent> events)
    {
        var items = Items(events);
        var placed = new List<Placed>(items.Count);
        var x = TimelineLayout.Left;
        var row = 0;
        foreach (var item in items)
        {
            var width = 16 + (item.Name.Length * TimelineLayout.CharWidth) + 18;
            if (x + width > TimelineLayout.Right && x > TimelineLayout.Left)
            {
                x = TimelineLayout.Left;
                row++;
            }

            placed.Add(new Placed(item, x, row));
            x += width;
        }

        return placed;
    }

    public static void Draw(SvgWriter svg, IReadOnlyList<Placed> placed, double top)
    {
        if (placed.Count == 0)
        {
            return;
        }

        svg.Start("g", ("class", "legend"));
        foreach (var (item, x, row) in placed)
        {
            var y = top + (row * TimelineLayout.LegendRowHeight);
            svg.Start("g", ("class", "legend-item"), ("data-kind", item.Key));
            svg.Empty("circle", ("cx", x + 5), ("cy", y - 4), ("r", 5), ("fill", item.Colour));
            svg.Text("text", item.Name, ("x", x + 14), ("y", y), ("fill", "#1d2330"));
            svg.End();
        }

        svg.End();
    }

    private static List<Item> Items(IReadOnlyList<DiagramEvent> events)
    {
        var tags = events.Where(e => e.Tags.Count > 0).Select(e => e.Tags[0]).Distinct().Order();
        var items = tags.Select(t => new Item(t.ToName(), t.ToLabel(), KindColours.Of(t))).ToList();
        if (events.Any(e => e.Tags.Count == 0))
        {
            items.Add(new Item(KindColours.ChangeKey, KindColours.ChangeName, KindColours.ChangeColour));
        }

        return items;
    }
}
