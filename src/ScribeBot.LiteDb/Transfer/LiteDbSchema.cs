namespace ScribeBot.LiteDb.Transfer;

/// <summary>
/// The <c>migrate</c> verb on a LiteDB file: the upgrade the store would run when it first opens the file (which reads
/// every incident and takes a minute on a large file), run ahead of the host's start.
/// </summary>
public static class LiteDbSchema
{
    /// <summary>The layout this build writes.</summary>
    public static int CurrentVersion => SchemaUpgrade.CurrentVersion;

    /// <summary>Upgrades the file at <paramref name="path"/>; returns the version it was at before.</summary>
    /// <exception cref="DataFileInUseException">A running host (or another process) holds the file.</exception>
    /// <exception cref="FileNotFoundException">There is no data file at <paramref name="path"/>; none is created.</exception>
    public static int Upgrade(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"There is no data file at {fullPath}.", fullPath);
        }

        using var lease = DataFileLease.Acquire(fullPath, TimeSpan.FromSeconds(30));
        using var fileLock = DataFileLock.Acquire(fullPath);
        using var database = LiteDbIncidentStore.OpenDatabase(fullPath);
        var schema = new StoreSchema(database);
        var before = SchemaUpgrade.StoredVersion(schema);
        SchemaUpgrade.Apply(schema);
        schema.EnsureIndexes();
        return before;
    }
}
