using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Pictures.Svg;
using static ScribeBot.Pictures.Timeline.TimelineLayout;

namespace ScribeBot.Pictures.Timeline;

/// <summary>
/// The legend under a <see cref="TimelineSvg"/>: one coloured dot per kind of event drawn, wrapped into rows, with the
/// dead end and the hand-off drawn beside the kinds they stand for, so a reader learns what the shapes mean.
/// </summary>
internal static class TimelineLegend
{
    public sealed record Item(string Key, string Name, string Colour, MarkerGlyph Glyph);

    public sealed record Placed(Item Item, double X, int Row);

    /// <summary>The kinds of <paramref name="events"/> in tag order (changes last), placed left to right and wrapped.</summary>
    public static List<Placed> LayOut(IReadOnlyList<DiagramEvent> events)
    {
        var items = events.Select(e => TimelineMarkers.Kind.Of(e.Tags)).Distinct().OrderBy(k => k.Rank)
            .Select(k => new Item(k.Key, Named(k.Name, k.Glyph), k.Colour, k.Glyph))
            .ToList();
        var placed = new List<Placed>(items.Count);
        var x = Margin;
        var row = 0;
        foreach (var item in items)
        {
            var width = SymbolWidth(item) + 4 + TextWidthOf(item.Name) + 20;
            if (x + width > Width - Margin && x > Margin)
            {
                x = Margin;
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
            var y = top + (row * LegendRowHeight);
            svg.Start("g", ("class", "legend-item"), ("data-kind", item.Key));
            svg.Empty("circle", ("cx", x + 5), ("cy", y - 4), ("r", 5), ("fill", item.Colour));
            MarkerGlyphs.Draw(svg, item.Glyph, x + 5, y - 4, 5, item.Colour);
            svg.Text("text", item.Name, ("x", x + SymbolWidth(item) + 4), ("y", y), ("fill", "#1d2330"));
            svg.End();
        }

        svg.End();
    }

    private static string Named(string name, MarkerGlyph glyph) => glyph switch
    {
        MarkerGlyph.DeadEnd => $"{name} (dead end)",
        MarkerGlyph.HandOff => $"{name} (hand-off)",
        _ => name,
    };

    private static double SymbolWidth(Item item) => 10 + (item.Glyph == MarkerGlyph.None ? 0 : GlyphLength);
}
