namespace ScribeBot.Core.Paging.Routing;

/// <summary>One term of a route's <c>Match</c>: a label by name and value (<c>team=payments</c>), or a value under any name.</summary>
public sealed record PageMatchTerm(string? Name, string Value)
{
    public bool Matches(IReadOnlyList<PageLabel> labels) =>
        labels.Any(label =>
            (Name is null || string.Equals(label.Name, Name, StringComparison.OrdinalIgnoreCase))
            && string.Equals(label.Value, Value, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads <c>team=payments, checkout</c>; null with <paramref name="error"/> set when a term is malformed.</summary>
    public static IReadOnlyList<PageMatchTerm>? ParseAll(string? match, out string? error)
    {
        error = null;
        var terms = new List<PageMatchTerm>();
        foreach (var raw in (match ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = raw.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                terms.Add(new PageMatchTerm(null, raw));
                continue;
            }

            var name = raw[..equals].Trim();
            var value = raw[(equals + 1)..].Trim();
            if (name.Length == 0 || value.Length == 0)
            {
                error = $"'{raw}' is not a matcher; write name=value (team=payments) or a bare value (PIJ90N7)";
                return null;
            }

            terms.Add(new PageMatchTerm(name, value));
        }

        return terms;
    }
}
