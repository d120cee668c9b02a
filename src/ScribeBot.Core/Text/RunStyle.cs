namespace ScribeBot.Core.Text;

/// <summary>How a run of text is shown. Every renderer escapes the text of every style.</summary>
public enum RunStyle
{
    Plain,
    Strong,
    Emphasis,
    Code,

    /// <summary>A fact the bot does not have, shown so that nobody mistakes it for a real value.</summary>
    Placeholder,

    /// <summary>A link to <see cref="TextRun.Url"/> with the run's text as label.</summary>
    Link,
}
