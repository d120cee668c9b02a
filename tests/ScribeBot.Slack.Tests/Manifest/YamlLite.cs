namespace ScribeBot.Slack.Tests.Manifest;

/// <summary>
/// Just enough YAML for our manifests (block maps, lists of scalars and of maps, quoted or plain scalars, comments),
/// flattened to <c>path = value</c> entries such as <c>features.shortcuts[].callback_id</c>. No YAML package is served
/// for this, and the manifests are ours: a construct this cannot read fails the test rather than being guessed at.
/// </summary>
internal sealed class YamlLite
{
    private YamlLite(IReadOnlyList<(string Path, string Value)> entries) => Entries = entries;

    public IReadOnlyList<(string Path, string Value)> Entries { get; }

    public List<string> All(string path) => [.. Entries.Where(e => e.Path == path).Select(e => e.Value)];

    public string Single(string path) => Assert.Single(All(path));

    public static YamlLite Parse(string text)
    {
        var entries = new List<(string, string)>();
        var stack = new List<(int Indent, string Segment)>();
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var content = raw.TrimStart(' ');
            if (content.Length == 0 || content.StartsWith('#'))
            {
                continue;
            }

            if (raw.Contains('\t', StringComparison.Ordinal))
            {
                throw new FormatException($"Tabs are not YAML indentation: '{raw}'");
            }

            var indent = raw.Length - content.Length;
            stack.RemoveAll(s => s.Indent >= indent);
            if (content.StartsWith("- ", StringComparison.Ordinal))
            {
                var item = content[2..];
                if (!item.Contains(": ", StringComparison.Ordinal) && !item.EndsWith(':'))
                {
                    entries.Add((Path(stack) + "[]", Scalar(item)));
                    continue;
                }

                stack.Add((indent, "[]"));
                indent += 2;
                content = item;
            }

            var colon = content.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException($"Not a key: '{raw}'");
            }

            var key = content[..colon];
            var value = content[(colon + 1)..].Trim();
            if (value.Length == 0)
            {
                stack.Add((indent, key));
            }
            else
            {
                stack.Add((indent, key));
                entries.Add((Path(stack), Scalar(value)));
                stack.RemoveAt(stack.Count - 1);
            }
        }

        return new YamlLite(entries);
    }

    private static string Path(List<(int Indent, string Segment)> stack) =>
        string.Concat(stack.Select((s, i) => i == 0 || s.Segment == "[]" ? s.Segment : "." + s.Segment));

    private static string Scalar(string value)
    {
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            return value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        }

        if (value.StartsWith('\'') || value.StartsWith('[') || value.StartsWith('{') || value.StartsWith('|') || value.StartsWith('>'))
        {
            throw new FormatException($"YamlLite does not read '{value}'; keep the manifests to plain block YAML.");
        }

        return value;
    }
}
