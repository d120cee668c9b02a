namespace ScribeBot.Core.Postmortem.Picture;

/// <summary>What a page needs to show a timeline picture it links rather than embeds: its size at 1x and its alt text.</summary>
public sealed record TimelineDescription(int Width, int Height, string AltText);
