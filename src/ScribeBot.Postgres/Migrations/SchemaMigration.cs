namespace ScribeBot.Postgres.Migrations;

/// <summary>What a migration run found and did: the version it found, the version it left, the migrations it applied.</summary>
public sealed record SchemaMigration(int FoundVersion, int Version, IReadOnlyList<string> Applied);
