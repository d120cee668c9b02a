using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ScribeBot.Core.Storage;
using ScribeBot.Web.Dashboard;

namespace ScribeBot.Pages;

/// <summary><c>/</c>: every incident of every workspace and platform, newest declared first, filtered and paged.</summary>
internal sealed class IndexModel(IIncidentStore store, TimeProvider timeProvider) : PageModel
{
    public IncidentListFilter Filter { get; private set; } = IncidentListFilter.Parse(null, null, null, null);

    public IReadOnlyList<IncidentRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + IncidentListFilter.PageSize - 1) / IncidentListFilter.PageSize);

    public int FirstShown => ((Filter.Page - 1) * IncidentListFilter.PageSize) + 1;

    // "page" is a route value of every Razor page (its path), so the page number is bound from the query string only.
    public async Task OnGetAsync(
        string? status, string? severity, string? platform, [FromQuery(Name = "page")] string? pageNumber, CancellationToken cancellationToken)
    {
        Filter = IncidentListFilter.Parse(status, severity, platform, pageNumber);
        var result = await store.QueryIncidentsAsync(Filter.ToQuery(), cancellationToken);
        var now = timeProvider.GetUtcNow();
        Total = result.Total;
        Rows = result.Items.Select(i => new IncidentRow(i, IncidentFigures.Of(i, result.OutageOf(i), now))).ToList();
    }
}
