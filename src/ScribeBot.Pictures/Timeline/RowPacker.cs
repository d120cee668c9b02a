namespace ScribeBot.Pictures.Timeline;

/// <summary>
/// Puts horizontal spans (a label, a marker with its label) into the first row where they overlap nothing already
/// there, so labels are staggered instead of drawn over each other. Rows are only ever added, up to a limit.
/// </summary>
internal sealed class RowPacker(int maxRows, double gap)
{
    private readonly List<List<(double From, double To)>> _rows = [];

    public int RowCount => _rows.Count;

    /// <summary>The row the span <paramref name="from"/>..<paramref name="to"/> goes in, or null when every row allowed is taken there.</summary>
    public int? Place(double from, double to)
    {
        for (var row = 0; row < maxRows; row++)
        {
            if (row == _rows.Count)
            {
                _rows.Add([]);
            }

            if (_rows[row].All(s => to + gap <= s.From || from >= s.To + gap))
            {
                _rows[row].Add((from, to));
                return row;
            }
        }

        return null;
    }
}
