namespace ScribeBot.Core.Configuration;

/// <summary>
/// <c>Scribe:Reactions:Slack:&lt;emoji&gt;</c> and <c>Scribe:Reactions:Teams:&lt;reaction&gt;</c> = tag name
/// (<c>detection</c>, <c>root-cause</c>...), or <c>none</c> to switch a default off. The tables are per platform
/// because the names overlap (Slack's <c>heart</c> emoji is not Teams' <c>heart</c> reaction). The web sandbox
/// uses the Slack table.
/// </summary>
public sealed class ReactionOptions
{
    public Dictionary<string, string> Slack { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, string> Teams { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
