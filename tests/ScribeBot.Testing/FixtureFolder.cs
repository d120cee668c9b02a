namespace ScribeBot.Testing;

/// <summary>
/// One platform's published, unedited payloads in <c>tests/fixtures/{platform}</c>: copied into the repository so a
/// clone passes with nothing beside it, and never edited, so nobody can "fix" a payload.
/// </summary>
public sealed class FixtureFolder
{
    internal FixtureFolder(string platform)
    {
        Directory = Path.Combine(RepositoryPaths.Fixtures, platform);
        if (!System.IO.Directory.Exists(Directory))
        {
            throw new InvalidOperationException($"{platform} fixtures not found at {Directory}.");
        }
    }

    public string Directory { get; }

    public byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Directory, name));

    public string Text(string name) => File.ReadAllText(Path.Combine(Directory, name));

    public JsonElement Json(string name)
    {
        using var document = JsonDocument.Parse(Bytes(name));
        return document.RootElement.Clone();
    }
}
