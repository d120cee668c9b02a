namespace ScribeBot.Core.Postmortem.Document;

/// <summary>The headings of the draft's four sections, in their order.</summary>
public static class PostmortemHeadings
{
    public const string IssueSummary = "Issue Summary";
    public const string Timeline = "Timeline";
    public const string RootCause = "Root Cause and Resolution";
    public const string Measures = "Corrective and Preventative Measures";
}
