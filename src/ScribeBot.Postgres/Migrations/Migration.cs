namespace ScribeBot.Postgres.Migrations;

/// <summary>One numbered schema change: the SQL of an embedded <c>NNN-name.sql</c> resource.</summary>
internal sealed record Migration(int Version, string Name, string Sql)
{
    private const string Prefix = "ScribeBot.Postgres.Migrations.";

    /// <summary>The migrations embedded in this assembly, in version order.</summary>
    public static IReadOnlyList<Migration> Embedded { get; } = Load();

    /// <summary>The newest schema this build knows.</summary>
    public static int Latest => Embedded[^1].Version;

    private static Migration[] Load()
    {
        var assembly = typeof(Migration).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n[Prefix.Length..^".sql".Length];
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return new Migration(int.Parse(name.Split('-')[0], System.Globalization.CultureInfo.InvariantCulture), name, reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)
            .ToArray();

        // Numbered 1, 2, 3... with no gap and no repeat: a missing file would otherwise be skipped silently.
        for (var index = 0; index < migrations.Length; index++)
        {
            if (migrations[index].Version != index + 1)
            {
                throw new InvalidOperationException($"Migration {migrations[index].Name} is out of sequence: expected number {index + 1}.");
            }
        }

        return migrations;
    }
}
