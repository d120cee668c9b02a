namespace ScribeBot.Slack.WebApi;

/// <summary>
/// What a channel or thread holds that may be an earlier attempt's work: the messages carrying a
/// <see cref="SlackPostMarker"/> and the files shared in it (by anyone: the caller checks who).
/// </summary>
internal sealed record SlackBotTraces(IReadOnlyList<SlackMarkedPost> Marked, IReadOnlyList<SlackSharedFile> Files);
