namespace ScribeBot.Postgres.Transfer;

/// <summary>Rows a copy wrote, and rows it found already there (an earlier copy) and left alone.</summary>
public sealed record CopyTally(int Copied, int AlreadyThere)
{
    public static CopyTally None { get; } = new(0, 0);

    public CopyTally Add(CopyTally other) => new(Copied + other.Copied, AlreadyThere + other.AlreadyThere);

    internal static CopyTally Of(int offered, int copied) => new(copied, offered - copied);
}
