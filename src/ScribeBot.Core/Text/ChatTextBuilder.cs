namespace ScribeBot.Core.Text;

/// <summary>Builds a <see cref="ChatText"/> run by run.</summary>
public sealed class ChatTextBuilder
{
    private readonly List<TextRun> _runs = [];

    public ChatTextBuilder Plain(string text) => Add(new TextRun(text));

    public ChatTextBuilder Strong(string text) => Add(new TextRun(text, RunStyle.Strong));

    public ChatTextBuilder Emphasis(string text) => Add(new TextRun(text, RunStyle.Emphasis));

    public ChatTextBuilder Code(string text) => Add(new TextRun(text, RunStyle.Code));

    public ChatTextBuilder Placeholder(string text) => Add(new TextRun(text, RunStyle.Placeholder));

    public ChatTextBuilder Link(string label, string url) => Add(new TextRun(label, RunStyle.Link, url));

    /// <summary>Ends the current line (<see cref="ChatTextLayout"/>).</summary>
    public ChatTextBuilder EndLine() => Plain("\n");

    /// <summary>Ends the current line and its group: renderers set groups apart (<see cref="ChatTextLayout"/>).</summary>
    public ChatTextBuilder EndGroup() => Plain("\n\n");

    public ChatText Build() => new(_runs.ToArray());

    private ChatTextBuilder Add(TextRun run)
    {
        if (run.Text.Length > 0)
        {
            _runs.Add(run);
        }

        return this;
    }
}
