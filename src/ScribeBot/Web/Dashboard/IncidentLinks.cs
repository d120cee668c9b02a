namespace ScribeBot.Web.Dashboard;

/// <summary>
/// The addresses of an incident's pages. Ids hold colons (<c>slack:T1:3</c>), so they are escaped into the path;
/// the router hands the page the unescaped id.
/// </summary>
internal static class IncidentLinks
{
    public static string Page(string incidentId) => $"/incidents/{Uri.EscapeDataString(incidentId)}";

    public static string Postmortem(string incidentId) => $"{Page(incidentId)}/postmortem";

    public static string Markdown(string incidentId) => $"{Page(incidentId)}/postmortem.md";

    public static string HtmlDownload(string incidentId) => $"{Page(incidentId)}/postmortem.html";

    /// <summary>
    /// The permalink, normalised, when it is a web address (<see cref="Core.Links.SafeLink"/>), else null: a stored link
    /// is platform data, and a <c>javascript:</c> or relative one must not become a clickable link on our origin.
    /// </summary>
    public static string? SafeLink(string? permalink) =>
        Core.Links.SafeLink.IsWebAddress(permalink) ? new Uri(permalink).AbsoluteUri : null;
}
