namespace ScribeBot.Core.Paging;

/// <summary>What became of a webhook's pages: recorded, already recorded (a retry), or matched by no route.</summary>
public sealed record PageIntakeResult(int Recorded, int Duplicates, int Unrouted);
