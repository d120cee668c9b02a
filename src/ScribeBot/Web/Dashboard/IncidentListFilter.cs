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

    public static readonly IReadOnlyList<string> StatusValues = Names<IncidentStatus>(s => s.ToName());
    public static readonly IReadOnlyList<string> SeverityValues = Names<Severity>(s => s.ToName());
    public static readonly IReadOnlyList<string> PlatformValues = Names<ChatPlatform>(p => p.ToName());

    public bool IsFiltered => Status is not null || Severity is not null || Platform is not null;

    public static IncidentListFilter Parse(string? status, string? severity, string? platform, string? page)
    {
        var problems = new List<string>();
        var parsedStatus = Pick<IncidentStatus>(status, s => s.ToName(), "status", problems);
        var parsedSeverity = Pick<Severity>(severity, s => s.ToName(), "severity", problems);
        var parsedPlatform = Pick<ChatPlatform>(platform, p => p.ToName(), "platform", problems);

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

    public string? StatusValue => Status?.ToName();

    public string? SeverityValue => Severity?.ToName();

    public string? PlatformValue => Platform?.ToName();

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

    private static string[] Names<T>(Func<T, string> name)
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(name)];

    private static T? Pick<T>(string? value, Func<T, string> nameOf, string name, List<string> problems)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (EnumNames.TryParse(value, nameOf, out var option))
        {
            return option;
        }

        problems.Add($"Unknown {name} \"{TextShortener.Shorten(value)}\", so every {name} is shown. Choose one of: {string.Join(", ", Names(nameOf))}.");
        return null;
    }
}
