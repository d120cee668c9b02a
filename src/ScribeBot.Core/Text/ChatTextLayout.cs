namespace ScribeBot.Core.Text;

/// <summary>
/// The structure of a <see cref="ChatText"/>: a newline ends a line, an empty line ends a group. The core writes
/// structure this way (<see cref="ChatTextBuilder.EndLine"/>, <see cref="ChatTextBuilder.EndGroup"/>) rather than as
/// a second type so that every stored reply (the outbox keeps runs) and every plain-text reader stays as it was; each
/// renderer reads the groups and lines here and draws them its own way (Slack: a section per group, mrkdwn lines;
/// Teams and the sandbox: a paragraph per group, a line break per line).
/// </summary>
public static class ChatTextLayout
{
    /// <summary>The groups of lines, each line with its runs' styles; no group and no line is empty.</summary>
    public static IReadOnlyList<IReadOnlyList<ChatText>> Groups(ChatText text)
    {
        var groups = new List<IReadOnlyList<ChatText>>();
        var group = new List<ChatText>();
        var line = new List<TextRun>();

        void EndLine()
        {
            if (line.Count > 0)
            {
                group.Add(new ChatText(line.ToArray()));
                line.Clear();
            }
            else if (group.Count > 0)
            {
                // An empty line: the group ends here.
                groups.Add(group.ToArray());
                group = [];
            }
        }

        foreach (var run in text.Runs)
        {
            var parts = run.Text.Split('\n');
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    EndLine();
                }

                if (parts[i].Length > 0)
                {
                    line.Add(run with { Text = parts[i] });
                }
            }
        }

        EndLine();
        if (group.Count > 0)
        {
            groups.Add(group.ToArray());
        }

        return groups;
    }

    /// <summary>True when the text has more than one line: a renderer may then lay it out instead of running it on.</summary>
    public static bool HasLines(ChatText text) => text.Runs.Any(run => run.Text.Contains('\n', StringComparison.Ordinal));
}
