namespace ScribeBot.Core.Postmortem.Document;

/// <summary>
/// The word count of a draft's body against the guideline of <see cref="GuidelineMin"/>-<see cref="GuidelineMax"/>
/// words. Placeholders are not counted: they are not writing yet.
/// </summary>
public sealed record WordCount(int Words)
{
    public const int GuidelineMin = 400;
    public const int GuidelineMax = 600;

    public bool BelowGuideline => Words < GuidelineMin;
    public bool AboveGuideline => Words > GuidelineMax;

    /// <summary>e.g. <c>Word count: 512 (guideline 400-600)</c> or <c>Word count: 212 (below the 400-600 guideline)</c>.</summary>
    public string Describe() =>
        BelowGuideline ? $"Word count: {Words} (below the {GuidelineMin}-{GuidelineMax} guideline)"
        : AboveGuideline ? $"Word count: {Words} (above the {GuidelineMin}-{GuidelineMax} guideline)"
        : $"Word count: {Words} (guideline {GuidelineMin}-{GuidelineMax})";
}
