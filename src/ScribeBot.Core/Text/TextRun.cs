namespace ScribeBot.Core.Text;

/// <summary>
/// A piece of text with one style. The text is always literal: renderers escape it, so user text can never
/// format, link or mention anything by accident.
/// </summary>
public sealed record TextRun(string Text, RunStyle Style = RunStyle.Plain, string? Url = null);
