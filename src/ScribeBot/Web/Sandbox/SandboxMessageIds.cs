using System.Globalization;

namespace ScribeBot.Web.Sandbox;

/// <summary>
/// Ids for sandbox messages: the clock's ticks when the message was posted, moved on by one when two messages share a
/// tick. Each id is therefore greater than the one before, also across a restart (the clock has moved on), and an id
/// never names two messages: an open incident's timeline outlives the process and is keyed by these ids, so a reused
/// id would silently drop the new message as a redelivery of the old one.
/// </summary>
internal sealed class SandboxMessageIds(TimeProvider time)
{
    private long _last;

    public string Next()
    {
        var now = time.GetUtcNow().UtcTicks;
        long last, next;
        do
        {
            last = Interlocked.Read(ref _last);
            next = Math.Max(now, last + 1);
        }
        while (Interlocked.CompareExchange(ref _last, next, last) != last);

        return next.ToString(CultureInfo.InvariantCulture);
    }
}
