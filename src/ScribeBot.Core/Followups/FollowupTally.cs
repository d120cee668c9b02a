namespace ScribeBot.Core.Followups;

/// <summary>
/// The follow-up issues created in one period (<see cref="Created"/>) and, of those, how many are closed in the tracker
/// now (<see cref="Closed"/>) among the <see cref="Known"/> ones whose state could be read. An issue whose state is not
/// known is neither open nor closed here: the figure says so rather than guessing.
/// </summary>
public sealed record FollowupTally(int Created, int Closed, int Known)
{
    public static FollowupTally None { get; } = new(0, 0, 0);

    /// <summary>The closed figure as people read it: <c>2</c>, <c>1 of 3 known</c>, or <c>unknown</c>.</summary>
    public string ClosedText => Known == Created
        ? Closed.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : Known == 0 ? "unknown" : $"{Closed} of {Known} known";

    /// <summary>
    /// One line for chat: <c>4 created, 1 closed now</c>; when some states could not be read,
    /// <c>4 created, 1 closed now of 3 known (the tracker did not answer for 1)</c>.
    /// </summary>
    public string Describe()
    {
        var created = $"{Created} created";
        return Known == Created
            ? $"{created}, {Closed} closed now"
            : Known == 0
                ? $"{created}, closed now unknown (the tracker did not answer)"
                : $"{created}, {Closed} closed now of {Known} known (the tracker did not answer for {Created - Known})";
    }

    /// <summary>The tally of one period's follow-ups from their states (null: unknown).</summary>
    public static FollowupTally Of(IEnumerable<FollowupState?> states)
    {
        int created = 0, closed = 0, known = 0;
        foreach (var state in states)
        {
            created++;
            if (state is { } now)
            {
                known++;
                closed += now == FollowupState.Closed ? 1 : 0;
            }
        }

        return new FollowupTally(created, closed, known);
    }
}
