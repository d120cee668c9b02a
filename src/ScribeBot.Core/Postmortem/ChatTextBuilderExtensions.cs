using ScribeBot.Core.Text;

namespace ScribeBot.Core.Postmortem;

internal static class ChatTextBuilderExtensions
{
    /// <summary>The recorded value, or the placeholder when there is none.</summary>
    public static ChatTextBuilder Fact(this ChatTextBuilder builder, string? value, string placeholder) =>
        string.IsNullOrWhiteSpace(value) ? builder.Placeholder(placeholder) : builder.Plain(value);
}
