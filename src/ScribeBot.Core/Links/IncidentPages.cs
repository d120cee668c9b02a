namespace ScribeBot.Core.Links;

/// <summary>
/// The addresses of an incident's web pages, for the pages themselves and for a post that links to them. Ids hold
/// colons (<c>slack:T1:3</c>), so they are escaped into the path (<c>/incidents/slack%3AT1%3A3</c>); the router hands
/// the page the unescaped id. The routes these paths match are the host's (<c>/incidents/{id}</c> and below).
/// </summary>
public static class IncidentPages
{
    /// <summary>The incident's page: its summary, timeline and diagram.</summary>
    public static string Page(string incidentId) => $"/incidents/{Uri.EscapeDataString(incidentId)}";

    /// <summary>The postmortem editor.</summary>
    public static string Editor(string incidentId) => $"{Page(incidentId)}/postmortem";

    /// <summary>The draft as a Markdown download.</summary>
    public static string Markdown(string incidentId) => $"{Page(incidentId)}/postmortem.md";

    /// <summary>The draft as a self-contained HTML download.</summary>
    public static string Html(string incidentId) => $"{Page(incidentId)}/postmortem.html";

    /// <summary>
    /// <paramref name="path"/> (one of the above) under <paramref name="publicBaseUrl"/>, for a post read outside the
    /// site; null when no absolute base address is configured. A base with a path of its own keeps it.
    /// </summary>
    public static string? Absolute(string? publicBaseUrl, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var baseUrl)
            ? new Uri(new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/"), path.TrimStart('/')).AbsoluteUri
            : null;
    }
}
