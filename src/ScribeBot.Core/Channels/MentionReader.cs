using System.Text.RegularExpressions;

namespace ScribeBot.Core.Channels;

/// <summary>
/// Reads who command text names: first in each platform's <see cref="IMentionSyntax"/> the host registered, then as a
/// typed <c>@name</c> or plain text, which is all the core itself knows. The stored name carries no mention syntax,
/// so re-posting it can never ping.
/// <para>
/// The host registers every platform's syntax for every request (and replay, the sandbox and the dashboard), not only
/// the syntax of the platform the request came from: a person can type another platform's form as text, and it has
/// always been read as a mention (docs/decisions.md, "Mention syntax in the adapters").
/// </para>
/// </summary>
public sealed partial class MentionReader(IEnumerable<IMentionSyntax> syntaxes)
{
    private readonly IMentionSyntax[] _syntaxes = syntaxes.ToArray();

    /// <summary>Typed <c>@name</c> and plain text only: a host with no platform, and the default where none is given.</summary>
    public static MentionReader Typed { get; } = new([]);

    public Person Parse(string token)
    {
        var text = token.Trim();
        foreach (var syntax in _syntaxes)
        {
            if (syntax.Parse(text) is { } person)
            {
                return person;
            }
        }

        var plain = text.TrimStart('@');
        return new Person(plain, plain);
    }

    /// <summary>How many characters of <paramref name="text"/> a mention at its start takes (0 for none): one token even with spaces inside.</summary>
    public int LeadingLength(string text)
    {
        foreach (var syntax in _syntaxes)
        {
            if (syntax.LeadingLength(text) is > 0 and var length)
            {
                return length;
            }
        }

        return 0;
    }

    /// <summary>
    /// The mention or <c>@handle</c> that ends <paramref name="text"/> after white space, and where that white space
    /// starts; null when the text ends otherwise. The leftmost start wins, as one pattern with every form would find
    /// it (no two forms begin with the same characters, so two can never start at the same place).
    /// </summary>
    public (int Start, string Token)? Trailing(string text)
    {
        (int Start, string Token)? found = TypedTrailing().Match(text) is { Success: true } match
            ? (match.Index, match.Groups["owner"].Value)
            : null;
        foreach (var syntax in _syntaxes)
        {
            if (syntax.Trailing(text) is { } mention && (found is null || mention.Start < found.Value.Start))
            {
                found = mention;
            }
        }

        return found;
    }

    [GeneratedRegex(@"\s(?<owner>@\S+)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TypedTrailing();
}
