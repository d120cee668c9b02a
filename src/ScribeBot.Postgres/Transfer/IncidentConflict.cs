namespace ScribeBot.Postgres.Transfer;

/// <summary>
/// An incident id the database already holds for another incident (another channel, number or declaration): the
/// database was not filled by an earlier copy of the same file, and copying into it would mix two histories.
/// </summary>
public sealed record IncidentConflict(string IncidentId, string StoredChannelKey, string CopiedChannelKey);
