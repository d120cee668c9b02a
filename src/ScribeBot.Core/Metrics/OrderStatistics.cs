using System.Numerics;

namespace ScribeBot.Core.Metrics;

/// <summary>
/// The k-th smallest of a set of numbers without sorting it (quickselect): a median and a 90th percentile cost a few
/// passes over the values instead of a sort, which is what keeps stats over a year of a large organisation's incidents
/// cheap. .NET has no selection algorithm, hence this one.
/// </summary>
internal static class OrderStatistics
{
    /// <summary>
    /// Rearranges <paramref name="values"/> so that <c>values[k]</c> is its k-th smallest (from 0), nothing before it
    /// larger and nothing after it smaller, and returns it.
    /// </summary>
    public static long Select(Span<long> values, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, values.Length);

        // Each round usually halves the range; a range that will not shrink (a pathological order) is sorted instead,
        // so the worst case is a sort's, never quadratic.
        var rounds = 2 * BitOperations.Log2((uint)values.Length) + 4;
        var (low, high) = (0, values.Length - 1);
        while (high > low)
        {
            if (rounds-- == 0)
            {
                values[low..(high + 1)].Sort();
                break;
            }

            var (lastLow, firstHigh) = Partition(values, low, high);
            if (k <= lastLow)
            {
                high = lastLow;
            }
            else if (k >= firstHigh)
            {
                low = firstHigh;
            }
            else
            {
                break;
            }
        }

        return values[k];
    }

    /// <summary>
    /// The median of <paramref name="values"/> (not empty): the middle value, or the mean of the two middle values of an
    /// even count. Leaves <c>values[values.Length / 2]</c> the upper middle value, the smaller half before it.
    /// </summary>
    public static long Median(Span<long> values)
    {
        var middle = values.Length / 2;
        var upperMiddle = Select(values, middle);
        if (values.Length % 2 == 1)
        {
            return upperMiddle;
        }

        // Selection leaves the smaller half before the middle: the lower middle value is its largest.
        var lowerMiddle = long.MinValue;
        foreach (var value in values[..middle])
        {
            lowerMiddle = Math.Max(lowerMiddle, value);
        }

        return (lowerMiddle + upperMiddle) / 2;
    }

    /// <summary>
    /// Hoare's partition of [low, high] around the median of its first, middle and last values: afterwards
    /// [low, lastLow] holds nothing larger than the pivot, [firstHigh, high] nothing smaller, and between them only the pivot.
    /// </summary>
    private static (int LastLow, int FirstHigh) Partition(Span<long> values, int low, int high)
    {
        var pivot = MedianOfThree(values[low], values[low + ((high - low) / 2)], values[high]);
        var (i, j) = (low, high);
        while (i <= j)
        {
            while (values[i] < pivot)
            {
                i++;
            }

            while (values[j] > pivot)
            {
                j--;
            }

            if (i <= j)
            {
                (values[i], values[j]) = (values[j], values[i]);
                i++;
                j--;
            }
        }

        return (j, i);
    }

    private static long MedianOfThree(long a, long b, long c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
}
