using System.Text;

namespace ScribeBot.Core.Text;

/// <summary>Platform-neutral rich text: a sequence of styled, literal runs.</summary>
public sealed record ChatText(IReadOnlyList<TextRun> Runs)
{
    public static ChatText Empty { get; } = new([]);

    public static ChatText Of(string plain) => new([new TextRun(plain)]);

    public static ChatText operator +(ChatText left, ChatText right) => new([.. left.Runs, .. right.Runs]);

    /// <summary>The text without styles, e.g. for logs, word counts and tests.</summary>
    public string ToPlainString()
    {
        var builder = new StringBuilder();
        foreach (var run in Runs)
        {
            builder.Append(run.Text);
        }

        return builder.ToString();
    }

    public override string ToString() => ToPlainString();
}
