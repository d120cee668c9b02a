using Microsoft.Bot.Schema;

namespace ScribeBot.Teams.Bot;

/// <summary>The activities ScribeBot sends.</summary>
internal static class TeamsActivities
{
    /// <summary>A message whose text is the renderer's HTML (Teams' <c>xml</c> text format).</summary>
    public static Activity Html(string html) => new()
    {
        Type = ActivityTypes.Message,
        Text = html,
        TextFormat = TextFormatTypes.Xml,
    };
}
