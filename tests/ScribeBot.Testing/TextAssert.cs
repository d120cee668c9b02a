namespace ScribeBot.Testing;

/// <summary>
/// Ordinal substring checks over rendered text (Markdown, HTML, console output): each part is its own assertion, so a
/// failure names the part that is missing (or present), and a test lists what it expects instead of repeating the call.
/// </summary>
public static class TextAssert
{
    public static void ContainsAll(string? text, params string[] parts)
    {
        foreach (var part in parts)
        {
            Assert.Contains(part, text, StringComparison.Ordinal);
        }
    }

    public static void ContainsNone(string? text, params string[] parts)
    {
        foreach (var part in parts)
        {
            Assert.DoesNotContain(part, text, StringComparison.Ordinal);
        }
    }
}
