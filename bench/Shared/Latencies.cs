namespace ScribeBot.Bench.Shared;

/// <summary>Ack latencies of one run, in microseconds, and their percentiles.</summary>
public sealed class Latencies
{
    private readonly int[] _sorted;

    public Latencies(IEnumerable<List<int>> perConnection)
    {
        _sorted = perConnection.SelectMany(l => l).ToArray();
        Array.Sort(_sorted);
    }

    public int Count => _sorted.Length;

    /// <summary>The latency at quantile <paramref name="q"/> (0..1) in milliseconds, nearest rank.</summary>
    public double Milliseconds(double q) =>
        _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(q * _sorted.Length) - 1, 0, _sorted.Length - 1)] / 1000.0;
}
