using ScribeBot.Core.Postmortem.Picture;

namespace ScribeBot.Tests.Pictures;

/// <summary>
/// The picture as a reader gets it, decoded: its size at 1x and 2x, a lane of visible dots for every kind of event,
/// the same bytes every time, nothing but pixels in the file, and alt text that says what the chart shows.
/// </summary>
public sealed class TimelinePictureTests
{
    private static readonly XNamespace Svg = SvgWriter.Namespace;
    private static readonly string[] ImageChunks = ["IHDR", "IDAT", "IEND"];
    private static readonly string[] MetadataChunks = ["tIME", "tEXt", "iTXt", "zTXt", "eXIf"];
    private static readonly ITimelinePicture Picture = new ServiceCollection().AddScribePictures().BuildServiceProvider().GetRequiredService<ITimelinePicture>();

    [Fact]
    public async Task At_1x_it_fits_a_phone_sized_width_and_at_2x_it_is_exactly_twice_as_large()
    {
        var (incident, entries) = await SampleIncidents.ReplayAsync("checkout-502");

        var one = Picture.Draw(incident, entries);
        var two = Picture.Draw(incident, entries, scale: 2);

        using var small = PngFile.Decode(one.Png);
        using var large = PngFile.Decode(two.Png);
        Assert.InRange(small.Width, 600, 1200);
        Assert.Equal((one.Width, one.Height), (small.Width, small.Height));
        Assert.Equal((small.Width * 2, small.Height * 2), (large.Width, large.Height));
        Assert.Equal((two.Width, two.Height), (large.Width, large.Height));
    }

    [Fact]
    public async Task Every_kind_of_event_present_has_its_own_lane_with_dots_of_its_colour()
    {
        var (incident, entries) = await SampleIncidents.ReplayAsync("checkout-502");
        var chart = TimelineChart.For(incident, PostmortemDraft.Build(incident, entries).Diagram);
        var layout = new TimelineLayout(chart);

        using var bitmap = PngFile.Decode(Picture.Draw(incident, entries).Png);

        var kinds = chart.Events.Select(e => KindColours.Key(e.Tags)).Distinct().ToList();
        Assert.Equal(kinds.Order(), layout.Lanes.Select(l => l.Key).Order());
        Assert.Contains("misleading", kinds);
        Assert.Contains("escalation", kinds);
        foreach (var lane in layout.Lanes)
        {
            var dots = PngFile.Count(bitmap, lane.Colour, (int)TimelineLayout.Left, (int)lane.Top, TimelineLayout.Width, (int)lane.Bottom);
            Assert.True(dots >= 60, $"the {lane.Name} lane has {dots} pixels of {lane.Colour}: its dots are not drawn");
        }
    }

    [Fact]
    public async Task Drawing_twice_gives_the_same_bytes_and_the_file_holds_only_the_image()
    {
        var (incident, entries) = await SampleIncidents.ReplayAsync("pagerduty-checkout");

        var first = Picture.Draw(incident, entries, 2).Png;
        var second = Picture.Draw(incident, [.. entries], 2).Png;

        Assert.Equal(first, second);
        // No tIME, tEXt, iTXt or zTXt: a date or a tool's name in the file would make the same picture differ.
        var chunks = PngFile.Chunks(first);
        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks.Where(ImageChunks.Contains).Distinct());
        Assert.DoesNotContain(chunks, MetadataChunks.Contains);
    }

    [Fact]
    public async Task No_text_is_smaller_than_12_pixels_at_1x()
    {
        var (incident, entries) = await SampleIncidents.ReplayAsync("checkout-502");
        var chart = TimelineChart.For(incident, PostmortemDraft.Build(incident, entries).Diagram);

        var root = XDocument.Parse(TimelineSvg.Render(chart)).Root!;

        var texts = root.Descendants(Svg + "text").ToList();
        Assert.NotEmpty(texts);
        Assert.All(texts, text =>
        {
            var size = text.AncestorsAndSelf().Select(e => (string?)e.Attribute("font-size")).First(s => s is not null);
            Assert.True(double.Parse(size!, CultureInfo.InvariantCulture) >= 12, $"'{text.Value}' is {size} px");
        });
        Assert.StartsWith($"0 0 {TimelineLayout.Width} ", (string?)root.Attribute("viewBox"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_alt_text_names_the_incident_its_span_its_phases_with_durations_and_its_events_by_kind()
    {
        var (incident, entries) = await SampleIncidents.ReplayAsync("checkout-502");

        var alt = Picture.Draw(incident, entries).AltText;

        Assert.StartsWith($"Timeline of {incident.DisplayId}: {incident.Title}. From ", alt, StringComparison.Ordinal);
        Assert.Matches(@"Phases: [A-Z][a-z ]+ to [a-z ]+, \d+ (minute|second|hour)", alt);
        Assert.Matches(@"\d+ events: \d+ [a-z]+", alt);
        TextAssert.ContainsAll(alt, "2 misleading", "Europe/Berlin");
        Assert.DoesNotContain("<", alt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_its_entries_the_picture_still_draws_the_phases_and_names_no_events()
    {
        var (incident, _) = await SampleIncidents.ReplayAsync("checkout-502");

        var image = Picture.Draw(incident, []);

        using var bitmap = PngFile.Decode(image.Png);
        Assert.Equal(TimelineLayout.Width, bitmap.Width);
        Assert.Contains("No tagged events.", image.AltText, StringComparison.Ordinal);
        Assert.Contains("Phases: ", image.AltText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scale_outside_1_to_3_is_refused()
    {
        var (incident, entries) = await SampleIncidents.ReplayAsync("search-timeouts-minimal");

        Assert.Throws<ArgumentOutOfRangeException>(() => Picture.Draw(incident, entries, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Picture.Draw(incident, entries, 4));
    }

    [Theory]
    [InlineData("system-ui, sans-serif", SkiaSharp.SKFontStyleWeight.Normal, "DejaVu Sans", false)]
    [InlineData("Comic Sans MS", SkiaSharp.SKFontStyleWeight.Normal, "DejaVu Sans", false)]
    [InlineData("system-ui", SkiaSharp.SKFontStyleWeight.SemiBold, "DejaVu Sans", true)]
    public void Every_font_the_svg_asks_for_is_the_bundled_dejavu_sans(string family, SkiaSharp.SKFontStyleWeight weight, string expected, bool bold)
    {
        var typeface = ScribeBot.Pictures.Png.BundledTypefaceProvider.Instance.FromFamilyName(
            family, weight, SkiaSharp.SKFontStyleWidth.Normal, SkiaSharp.SKFontStyleSlant.Upright);

        Assert.Equal(expected, typeface.FamilyName);
        Assert.Equal(bold, typeface.FontStyle.Weight >= (int)SkiaSharp.SKFontStyleWeight.SemiBold);
    }
}
