namespace ScribeBot.Hosting;

/// <summary>Which store the host runs on, bound from <c>Storage</c>: <c>LiteDb</c> (one file, one instance) or <c>Postgres</c>.</summary>
internal sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string LiteDb = "LiteDb";
    public const string Postgres = "Postgres";

    /// <summary>
    /// A string rather than an enum: an unknown value must reach the validator (one line naming the key), not fail the
    /// binder while services are still being registered.
    /// </summary>
    public string Provider { get; set; } = LiteDb;

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    public bool IsKnown => IsPostgres || string.Equals(Provider, LiteDb, StringComparison.OrdinalIgnoreCase);
}
