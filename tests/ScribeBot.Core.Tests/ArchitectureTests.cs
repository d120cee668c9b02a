using System.Text.RegularExpressions;

namespace ScribeBot.Core.Tests;

/// <summary>The dependency rule and the clock rule of STYLE.md, checked rather than hoped for.</summary>
public sealed partial class ArchitectureTests
{
    private static readonly string[] ForbiddenPrefixes = ["Slack", "Microsoft.Bot", "Microsoft.AspNetCore", "LiteDB"];

    [Fact]
    public void Core_references_no_slack_bot_framework_aspnet_or_litedb_assembly()
    {
        var referenced = typeof(ChannelRef).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.Contains("Humanizer", referenced); // the list is real, not empty
        var offending = referenced.Where(name => ForbiddenPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)));
        Assert.Empty(offending);
    }

    [Fact]
    public void No_source_file_reads_the_system_clock_directly()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToArray();

        Assert.NotEmpty(files);
        var offending = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(src, f), Line: i + 1, Text: line)))
            .Where(l => SystemClock().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}");
        Assert.Empty(offending);
    }

    [Theory]
    [InlineData("var now = DateTime.Now;", true)]
    [InlineData("var now = DateTime.UtcNow;", true)]
    [InlineData("x = System.DateTimeOffset.Now;", true)]
    [InlineData("x = DateTimeOffset.UtcNow.AddDays(1);", true)]
    [InlineData("x = timeProvider.GetUtcNow();", false)]
    [InlineData("x = DateTimeOffset.Nowhere;", false)]
    public void The_clock_pattern_catches_every_banned_form(string line, bool banned)
    {
        Assert.Equal(banned, SystemClock().IsMatch(line));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ScribeBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ScribeBot.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Utc)?Now\b", RegexOptions.CultureInvariant)]
    private static partial Regex SystemClock();
}
