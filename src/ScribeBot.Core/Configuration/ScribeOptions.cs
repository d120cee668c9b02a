using System.ComponentModel.DataAnnotations;

namespace ScribeBot.Core.Configuration;

/// <summary>The <c>Scribe</c> configuration section.</summary>
public sealed class ScribeOptions
{
    public const string SectionName = "Scribe";

    /// <summary>Default IANA time zone for new incidents.</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Reaction-to-tag tables per platform, merged over the defaults.</summary>
    public ReactionOptions Reactions { get; set; } = new();

    /// <summary>Base URL of the dashboard, for links in posts; optional.</summary>
    public string? PublicBaseUrl { get; set; }
}
