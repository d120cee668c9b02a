using System.Globalization;
using System.Text;
using ScribeBot.Core.Storage;

namespace ScribeBot.Purge;

/// <summary>What the <c>purge</c> verb prints: the plan, by workspace, and what it deleted.</summary>
internal static class PurgeReport
{
    /// <param name="store">The store's line: <c>Data file: PATH</c> or <c>Database: PostgreSQL HOST:PORT/NAME</c>.</param>
    public static string Plan(PurgePlan plan, PurgeArguments arguments, string store)
    {
        var text = new StringBuilder();
        var before = arguments.BeforeText;
        text.Append(store).Append('\n');
        if (plan.IncidentIds.Count == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"No resolved incident was declared before {before} (UTC): nothing to delete.\n");
        }
        else
        {
            var total = plan.Total;
            text.Append(CultureInfo.InvariantCulture,
                $"{(arguments.Confirmed ? "Deleting" : "Would delete")} {Count(total.Incidents, "resolved incident")} declared before {before} (UTC), " +
                $"with {Count(total.Entries, "timeline entry", "timeline entries")} and {Count(total.Posts, "outbox item")}:\n");
            foreach (var workspace in plan.Workspaces.Where(w => w.Removes.Incidents > 0))
            {
                var removes = workspace.Removes;
                text.Append(CultureInfo.InvariantCulture,
                    $"  {workspace.WorkspaceKey}: {Count(removes.Incidents, "incident")}, " +
                    $"{Count(removes.Entries, "timeline entry", "timeline entries")}, {Count(removes.Posts, "outbox item")}\n");
            }
        }

        if (plan.OpenSkipped > 0)
        {
            var where = string.Join(", ", plan.Workspaces.Where(w => w.OpenSkipped > 0).Select(w => $"{w.WorkspaceKey}: {w.OpenSkipped}"));
            text.Append(CultureInfo.InvariantCulture,
                $"Kept: {Count(plan.OpenSkipped, "open incident")} declared before {before} ({where}); open incidents are never purged.\n");
        }

        if (plan.IncidentIds.Count > 0 && !arguments.Confirmed)
        {
            text.Append("Nothing was deleted. To delete the above, run the same command with --yes added.\n");
        }

        return text.ToString();
    }

    public static string Done(PurgeTally deleted) =>
        $"Deleted {Describe(deleted)}. Their incident numbers are not given again.\n";

    public static string Describe(PurgeTally tally) =>
        $"{Count(tally.Incidents, "resolved incident")} with {Count(tally.Entries, "timeline entry", "timeline entries")} " +
        $"and {Count(tally.Posts, "outbox item")}";

    private static string Count(int count, string one, string? many = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many ?? one + "s")}");
}
