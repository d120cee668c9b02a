using System.Globalization;
using ScribeBot.Core.Incidents;

namespace ScribeBot.Core.Time;

/// <summary>
/// How finely an incident's times of day are shown. To the minute, unless the incident was resolved less than
/// <see cref="SecondsBelow"/> after the earliest instant it records (impact began, detected or declared): then to the
/// second, because at minutes its start, acknowledgement and resolution would all read the same ("10:00 - 10:00").
/// An open incident is shown to the minute: its length is not known yet, and a draft's times should not change
/// format as the clock runs. The one place this rule lives; every renderer asks it (docs/decisions.md).
/// </summary>
public sealed class TimePrecision
{
    /// <summary>Resolved incidents shorter than this show seconds.</summary>
    public static readonly TimeSpan SecondsBelow = TimeSpan.FromMinutes(10);

    private TimePrecision(string format, bool showsSeconds)
    {
        Format = format;
        ShowsSeconds = showsSeconds;
    }

    /// <summary><c>14:02</c>.</summary>
    public static TimePrecision Minutes { get; } = new("HH:mm", showsSeconds: false);

    /// <summary><c>14:02:10</c>.</summary>
    public static TimePrecision Seconds { get; } = new("HH:mm:ss", showsSeconds: true);

    /// <summary>The .NET format of a time of day at this precision.</summary>
    public string Format { get; }

    public bool ShowsSeconds { get; }

    /// <summary>The precision of <paramref name="incident"/>'s times: see the type's summary.</summary>
    public static TimePrecision Of(Incident incident)
    {
        if (incident.Resolved is null)
        {
            return Minutes;
        }

        // Every recorded instant, so an impact that began long before a quick declaration (or an impossible order)
        // keeps minutes: the span is the whole story the times tell, not only declared to resolved.
        var instants = incident.KnownInstants();
        var span = instants.Max(i => i.At) - instants.Min(i => i.At);
        return span < SecondsBelow ? Seconds : Minutes;
    }

    /// <summary>The wall-clock time of <paramref name="local"/> (already in the incident's zone).</summary>
    public string Time(DateTimeOffset local) => local.ToString(Format, CultureInfo.InvariantCulture);
}
