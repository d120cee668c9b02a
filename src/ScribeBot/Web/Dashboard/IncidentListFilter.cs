using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Text;

namespace ScribeBot.Web.Dashboard;

/// <summary>
/// The incidents list's query string (<c>?status=resolved&amp;severity=sev2&amp;platform=slack&amp;page=2</c>), read
/// leniently: an empty value means any; a value that is not one of the options is ignored and named in
/// <see cref="Problems"/>, so a mistyped link still lists incidents and says which filter it dropped.
/// </summary>
internal sealed record IncidentListFilter(IncidentStatus? Status, Severity? Severity, ChatPlatform? Platform, int Page, IReadOnlyList<string> Problems)
{
    public const int PageSize = 25;

    public static readonly IReadOnlyList<string> StatusValues = ["triggered", "acknowledged", "resolved"];
    public static readonly IReadOnlyList<string> SeverityValues = ["sev1", "sev2", "sev3", "sev4"];
    public static readonly IReadOnlyList<string> PlatformValues = ["slack", "teams", "web"];

    public bool IsFiltered => Status is not null || Severity is not null || Platform is not null;

    public static IncidentListFilter Parse(string? status, string? severity, string? platform, string? page)
    {
        var problems = new List<string>();
        var parsedStatus = Pick(status, StatusValues, "status", problems, i => (IncidentStatus)i);
        var parsedSeverity = Pick(severity, SeverityValues, "severity", problems, i => (Severity)(i + 1));
        var parsedPlatform = Pick(platform, PlatformValues, "platform", problems, i => (ChatPlatform)i);

        var number = 1;
        if (!string.IsNullOrWhiteSpace(page)
            && !(int.TryParse(page.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= 1))
        {
            problems.Add($"\"{TextShortener.Shorten(page)}\" is not a page number; showing page 1.");
            number = 1;
        }

        return new IncidentListFilter(parsedStatus, parsedSeverity, parsedPlatform, number, problems);
    }

    public IncidentQuery ToQuery() => new()
    {
        Status = Status,
        Severity = Severity,
        Platform = Platform,
        Skip = (int)Math.Min(int.MaxValue, (Page - 1L) * PageSize),
        Take = PageSize,
    };

    public string? StatusValue => Status is { } s ? StatusValues[(int)s] : null;

    public string? SeverityValue => Severity is { } s ? SeverityValues[(int)s - 1] : null;

    public string? PlatformValue => Platform is { } p ? PlatformValues[(int)p] : null;

    /// <summary>The list's address for <paramref name="page"/> with these filters (the ignored ones left out).</summary>
    public string Url(int page)
    {
        var query = new Dictionary<string, string?>();
        if (StatusValue is { } status)
        {
            query["status"] = status;
        }

        if (SeverityValue is { } severity)
        {
            query["severity"] = severity;
        }

        if (PlatformValue is { } platform)
        {
            query["platform"] = platform;
        }

        if (page > 1)
        {
            query["page"] = page.ToString(CultureInfo.InvariantCulture);
        }

        return QueryHelpers.AddQueryString("/", query);
    }

    private static T? Pick<T>(string? value, IReadOnlyList<string> options, string name, List<string> problems, Func<int, T> select)
        where T : struct
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        for (var i = 0; i < options.Count; i++)
        {
            if (string.Equals(options[i], value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return select(i);
            }
        }

        problems.Add($"Unknown {name} \"{TextShortener.Shorten(value)}\", so every {name} is shown. Choose one of: {string.Join(", ", options)}.");
        return null;
    }
}
