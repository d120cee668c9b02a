namespace ScribeBot.Postgres.Transfer;

/// <summary>Incidents a copy wrote or found, and how many of those found differ from the copy (left as they are).</summary>
public sealed record IncidentCopy(CopyTally Incidents, int Differing)
{
    public IncidentCopy Add(IncidentCopy other) => new(Incidents.Add(other.Incidents), Differing + other.Differing);
}
