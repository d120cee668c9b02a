namespace ScribeBot.Core.Facts;

/// <summary>Where an incident's end of impact comes from, in the order <see cref="IncidentFacts"/> prefers them.</summary>
public enum RecoverySource
{
    /// <summary><c>/incident recovered [at HH:MM]</c>: a person's statement wins.</summary>
    Command,

    /// <summary>The latest message tagged resolution: someone said it was fixed.</summary>
    TaggedMessage,

    /// <summary>A page that resolved while the incident was open: the monitor saw the signal clear.</summary>
    Page,
}
