namespace ScribeBot.Slack.Posting;

/// <summary>
/// The draft's timeline picture as its first attempt drew it: uploaded into the draft's thread right after the first
/// message, under <paramref name="FileName"/> (<c>INC-7-timeline.png</c>), with <paramref name="AltText"/> for screen
/// readers. The bytes are kept, not redrawn: a retry after the incident changed must upload what the first attempt drew.
/// </summary>
internal sealed record SlackPicture(string FileName, string Title, string AltText, byte[] Png);
