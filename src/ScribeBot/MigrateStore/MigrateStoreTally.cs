using System.Globalization;
using System.Text;
using ScribeBot.Core.Storage.Transfer;
using ScribeBot.Postgres.Transfer;

namespace ScribeBot.MigrateStore;

/// <summary>What <c>migrate-store</c> copied, by kind, and the report it prints.</summary>
internal sealed class MigrateStoreTally
{
    public IncidentCopy Incidents { get; set; } = new(CopyTally.None, 0);

    public CopyTally Entries { get; set; } = CopyTally.None;

    public CopyTally Posts { get; set; } = CopyTally.None;

    public int PendingPostsCopied { get; set; }

    public CopyTally AdapterRecords { get; set; } = CopyTally.None;

    public int Copied => Incidents.Incidents.Copied + Entries.Copied + Posts.Copied + AdapterRecords.Copied;

    /// <summary>The per-kind lines, then the next number of each workspace, then the verdict.</summary>
    public string Report(IReadOnlyList<WorkspaceCounter> counters)
    {
        var text = new StringBuilder();
        Line(text, "Incidents", Incidents.Incidents, null);
        Line(text, "Timeline entries", Entries, null);
        Line(text, "Outbox items", Posts, string.Create(CultureInfo.InvariantCulture, $" ({PendingPostsCopied} pending copied)"));
        Line(text, "Adapter records", AdapterRecords, null);
        if (counters.Count > 0)
        {
            text.Append("Next incident numbers: ")
                .AppendJoin(", ", counters.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.WorkspaceKey} INC-{c.LastNumber + 1}")))
                .Append(".\n");
        }

        if (Incidents.Differing > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Incidents.Differing} of the incidents already in PostgreSQL differ from the file ")
                .Append("(changed on one side since an earlier copy); they were left as PostgreSQL has them.\n");
        }

        text.Append(Copied == 0
            ? "Nothing new to copy: PostgreSQL already holds everything in the data file.\n"
            : string.Create(CultureInfo.InvariantCulture, $"Copied {Copied} {(Copied == 1 ? "row" : "rows")}. Point the host at PostgreSQL (Storage:Provider=Postgres) before starting it again.\n"));
        return text.ToString();
    }

    /// <summary>What was copied before a failure, for the error message.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Incidents.Incidents.Copied} incidents, {Entries.Copied} timeline entries, {Posts.Copied} outbox items and {AdapterRecords.Copied} adapter records");

    private static void Line(StringBuilder text, string kind, CopyTally tally, string? note) =>
        text.Append(CultureInfo.InvariantCulture, $"{kind}: {tally.Copied} copied, {tally.AlreadyThere} already there{note}.\n");
}
