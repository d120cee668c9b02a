namespace ScribeBot.Tests.Web;

/// <summary>What the editor page's forms carry: their actions, antiforgery tokens and hidden fields.</summary>
internal sealed partial record EditorPage(string Body, string SaveAction, string PostAction, string Token, string Basis, string PostKey)
{
    public static EditorPage Parse(string body)
    {
        var actions = FormAction().Matches(body).Select(m => WebUtility.HtmlDecode(m.Groups["action"].Value)).ToArray();
        return new EditorPage(
            body,
            actions.Single(a => a.EndsWith("handler=Save", StringComparison.Ordinal)),
            actions.Single(a => a.EndsWith("handler=Post", StringComparison.Ordinal)),
            Hidden(body, "__RequestVerificationToken"),
            Hidden(body, "Basis"),
            Hidden(body, "PostKey"));
    }

    /// <summary>The save form as the page filled it, with <paramref name="changes"/> applied and the token.</summary>
    public List<KeyValuePair<string, string>> SaveForm(IReadOnlyDictionary<string, string> changes)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["__RequestVerificationToken"] = Token,
            ["Basis"] = Basis,
        };
        foreach (Match m in TextArea().Matches(Body))
        {
            fields[m.Groups["name"].Value] = WebUtility.HtmlDecode(m.Groups["value"].Value);
        }

        // A browser sends an input without a value attribute as empty.
        foreach (Match m in TextInput().Matches(Body))
        {
            var value = InputValue().Match(m.Value);
            fields[m.Groups["name"].Value] = value.Success ? WebUtility.HtmlDecode(value.Groups["value"].Value) : "";
        }

        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        return [.. fields];
    }

    private static string Hidden(string body, string name)
    {
        var match = Regex.Match(body, $"""<input[^>]*\bname="{Regex.Escape(name)}"[^>]*\bvalue="(?<value>[^"]*)"[^>]*>""");
        Assert.True(match.Success, $"no hidden field {name}");
        return WebUtility.HtmlDecode(match.Groups["value"].Value);
    }

    [GeneratedRegex("""<form[^>]*\baction="(?<action>[^"]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex FormAction();

    [GeneratedRegex("""<textarea[^>]*\bname="(?<name>[^"]+)"[^>]*>(?<value>[^<]*)</textarea>""", RegexOptions.CultureInvariant)]
    private static partial Regex TextArea();

    [GeneratedRegex("""<input type="text"[^>]*\bname="(?<name>[^"]+)"[^>]*>""", RegexOptions.CultureInvariant)]
    private static partial Regex TextInput();

    [GeneratedRegex("""\bvalue="(?<value>[^"]*)(?=")""", RegexOptions.CultureInvariant)]
    private static partial Regex InputValue();
}
