using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Postmortem.Picture;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Testing.Pictures;

/// <summary>
/// A stand-in for the timeline renderer: the same real PNG at 1x (<see cref="TestPng.TwoByTwo"/> unless given another) and
/// an alt text naming the incident, for every incident. Deterministic, as the port promises; it counts its draws, so
/// a test can tell a picture drawn once and stored from one drawn again. Tests compare what the platform received
/// with <c>Draw</c> of the same incident, so they hold with the real renderer too.
/// </summary>
public sealed class FixedTimelinePicture(byte[]? png = null, int width = 2, int height = 2) : ITimelinePicture
{
    private int _draws;

    public byte[] Png { get; } = png ?? TestPng.TwoByTwo;

    /// <summary>How often <see cref="Draw"/> was called.</summary>
    public int Draws => Volatile.Read(ref _draws);

    /// <summary>A picture wider than Teams shows inline (1024 px), still small in bytes.</summary>
    public static FixedTimelinePicture TooWideForTeams() => new(TestPng.Solid(1100, 40), 1100, 40);

    public TimelineImage Draw(Incident incident, IReadOnlyList<TimelineEntry> entries, int scale = 1) => Draw(incident, scale);

    public TimelineImage Draw(Incident incident, PostmortemDiagram diagram, int scale = 1) => Draw(incident, scale);

    private TimelineImage Draw(Incident incident, int scale)
    {
        Interlocked.Increment(ref _draws);
        var png = scale == 1 ? Png : TestPng.Solid(width * scale, height * scale);
        return new TimelineImage(png, width * scale, height * scale, $"Timeline of {incident.DisplayId}: {incident.Title}");
    }
}
