namespace ScribeBot.Bench.Shared;

/// <summary>What responders say in the benchmarks' channels: short, plain lines, as in a real incident.</summary>
public static class IncidentChatter
{
    public static readonly IReadOnlyList<string> Lines =
    [
        "checkout p99 is through the roof, looking at the db pool",
        "rolling back payments-api to v2.40",
        "error rate back under 0.1%, watching for 10 more minutes",
        "is it the cache? keys look fine from here",
        "paging the database on-call",
    ];
}
