namespace ScribeBot.Followups;

/// <summary><c>Followups:Linear</c>: Linear, over its GraphQL API with a personal API key.</summary>
public sealed class LinearOptions
{
    public const string DefaultBaseUrl = "https://api.linear.app/graphql";

    /// <summary>A personal API key (Settings, Security and access), sent as the whole Authorization header (a secret: environment, never a file).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The GraphQL endpoint itself, not a root.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The default team's id (a UUID; Linear's issueCreate takes the id, not the key).</summary>
    public string? TeamId { get; set; }

    /// <summary>Ids of existing Linear labels put on every issue (Linear labels are referenced by id and must exist).</summary>
    public List<string> Labels { get; set; } = [];
}
