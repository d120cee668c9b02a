using ScribeBot.Core.Postmortem.Picture;

namespace ScribeBot.Tests.Pictures;

/// <summary>
/// The samples' pictures, byte for byte, at 1x and 2x: kept in <c>tests/ScribeBot.Tests/Pictures/golden</c> for people
/// to look at. After an intended change to the chart, run these tests with <c>SCRIBEBOT_UPDATE_GOLDEN=1</c> to write
/// the new pictures back, then look at every one before committing (a person approves a golden).
/// </summary>
public sealed class TimelinePictureGoldenTests
{
    private static readonly ITimelinePicture Picture = new ServiceCollection().AddScribePictures().BuildServiceProvider().GetRequiredService<ITimelinePicture>();

    public static TheoryData<string, int> Samples()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in SampleIncidents.Names)
        {
            data.Add(name, 1);
            data.Add(name, 2);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task A_samples_picture_is_its_golden_png_byte_for_byte(string sample, int scale)
    {
        var (incident, entries) = await SampleIncidents.ReplayAsync(sample);

        var image = Picture.Draw(incident, entries, scale);

        var golden = Path.Combine(RepositoryPaths.Root, "tests", "ScribeBot.Tests", "Pictures", "golden", $"{sample}@{scale}x.png");
        if (Environment.GetEnvironmentVariable("SCRIBEBOT_UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllBytesAsync(golden, image.Png);
        }

        Assert.True(File.Exists(golden), $"{golden} is missing; run with SCRIBEBOT_UPDATE_GOLDEN=1 to draw it, then look at it.");
        var expected = await File.ReadAllBytesAsync(golden);
        Assert.True(image.Png.AsSpan().SequenceEqual(expected),
            $"{sample} at {scale}x no longer matches {golden}; if the change is intended, update the golden (see the class summary).");
    }
}
