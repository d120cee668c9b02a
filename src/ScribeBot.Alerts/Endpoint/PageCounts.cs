namespace ScribeBot.Alerts.Endpoint;

/// <summary>The 200's body, <c>{"recorded":1,"duplicates":0,"unrouted":0}</c>: what became of the webhook's pages.</summary>
internal sealed record PageCounts(int Recorded, int Duplicates, int Unrouted)
{
    public static readonly PageCounts None = new(0, 0, 0);
}
