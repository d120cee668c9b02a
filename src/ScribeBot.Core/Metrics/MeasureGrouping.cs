namespace ScribeBot.Core.Metrics;

/// <summary>
/// A way of dividing incidents into <see cref="Count"/> groups (by severity, by the period they were declared in):
/// <see cref="GroupOf"/> holds each incident's group, or -1 for none.
/// </summary>
internal sealed record MeasureGrouping(int[] GroupOf, int Count)
{
    public int[] Sizes()
    {
        var sizes = new int[Count];
        foreach (var group in GroupOf)
        {
            if (group >= 0)
            {
                sizes[group]++;
            }
        }

        return sizes;
    }
}
