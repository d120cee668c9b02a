namespace ScribeBot.Core.Facts;

/// <summary>Where an incident's detection time comes from, in the order <see cref="IncidentFacts"/> prefers them.</summary>
public enum DetectionSource
{
    /// <summary><c>/incident detected</c>.</summary>
    Command,

    /// <summary>The trigger of the incident's first page.</summary>
    Page,

    /// <summary>The first message tagged detection (no time was recorded).</summary>
    TaggedMessage,

    /// <summary>Nothing says when: the declaration stands in for it, shown with a placeholder.</summary>
    NotRecorded,
}
