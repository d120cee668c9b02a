namespace ScribeBot.Core.Channels;

/// <summary>
/// How one platform writes a person in command text, implemented by its adapter (the reader that builds the command
/// text writes the form this syntax reads back). The core knows no platform's form: it asks every syntax the host
/// registered through <see cref="MentionReader"/>, which falls back to a typed <c>@name</c> or plain text.
/// </summary>
public interface IMentionSyntax
{
    /// <summary>The person <paramref name="token"/> (already trimmed) names when all of it is a mention in this syntax; otherwise null.</summary>
    Person? Parse(string token);

    /// <summary>How many characters a mention at the start of <paramref name="text"/> takes; 0 for none.</summary>
    int LeadingLength(string text);

    /// <summary>
    /// The mention that ends <paramref name="text"/> after white space (trailing white space allowed), and where that
    /// white space starts; null when the text ends otherwise.
    /// </summary>
    (int Start, string Token)? Trailing(string text);
}
