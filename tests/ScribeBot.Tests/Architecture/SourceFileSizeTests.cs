namespace ScribeBot.Tests.Architecture;

/// <summary>
/// A source file past 300 lines usually does more than one job (issue 13): split it by job (a partial per grammar
/// part, a type per section) rather than raise the limit. Build output (bin, obj) is not source.
/// </summary>
public sealed class SourceFileSizeTests
{
    private const int MaxLines = 300;

    private static readonly string[] SourceExtensions = [".cs", ".cshtml", ".razor", ".js", ".ts", ".css"];

    [Fact]
    public void No_source_file_under_src_is_longer_than_300_lines()
    {
        var src = Path.Combine(RepositoryPaths.Root, "src");

        var files = Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories)
            .Where(path => SourceExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
            .Where(path => !IsBuildOutput(Path.GetRelativePath(src, path)))
            .ToList();
        var tooLong = files
            .Select(path => (Path: Path.GetRelativePath(RepositoryPaths.Root, path), Lines: File.ReadLines(path).Count()))
            .Where(file => file.Lines > MaxLines)
            .Select(file => $"{file.Path}: {file.Lines} lines")
            .ToList();

        Assert.NotEmpty(files);
        Assert.True(tooLong.Count == 0, $"Over {MaxLines} lines:\n{string.Join('\n', tooLong)}");
    }

    private static bool IsBuildOutput(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
            .Any(part => part is "bin" or "obj");
}
