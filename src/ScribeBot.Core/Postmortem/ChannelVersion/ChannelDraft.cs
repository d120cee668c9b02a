using ScribeBot.Core.Postmortem.Document;

namespace ScribeBot.Core.Postmortem.ChannelVersion;

/// <summary>
/// The draft as posted in a chat channel: the <see cref="Lead"/>, then the full draft's title, meta line, warnings and
/// word count with its sections cut to the channel's word budget (<see cref="ChannelDraftBuilder"/>). The full draft,
/// with every timeline entry and the transcript, stays in the uploaded file and on the dashboard.
/// </summary>
/// <param name="Document">The full document with the channel version's sections in place of its own.</param>
/// <param name="Lead">What broke, for how long, why.</param>
/// <param name="LeftOutEntries">Timeline entries of the full draft that the channel version leaves out.</param>
public sealed record ChannelDraft(PostmortemDocument Document, PostmortemLead Lead, int LeftOutEntries)
{
    /// <summary>
    /// The sections of the first part, which a renderer posts before anything else (the lead and the Issue Summary),
    /// so that what comes right after it (the timeline picture) sits right after the summary.
    /// </summary>
    public IReadOnlyList<PostmortemSection> FirstPart => [.. Document.Sections.TakeWhile(IsFirstPart)];

    /// <summary>The sections after <see cref="FirstPart"/>.</summary>
    public IReadOnlyList<PostmortemSection> Rest => [.. Document.Sections.SkipWhile(IsFirstPart)];

    private static bool IsFirstPart(PostmortemSection section) => section.Heading == PostmortemHeadings.IssueSummary;
}
