using System.Text.RegularExpressions;

namespace ScribeBot.Core.Tests;

/// <summary>The dependency rule and the clock rule of STYLE.md, and no platform's mention syntax in the core, checked rather than hoped for.</summary>
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

        Assert.NotEmpty(SourceFiles(src));
        Assert.Empty(LinesMatching(src, SystemClock()));
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

    [Fact]
    public void Core_source_holds_no_platform_mention_syntax()
    {
        // The adapters own their mention forms (IMentionSyntax); the core reads only a typed @name.
        Assert.Empty(LinesMatching(Path.Combine(RepositoryRoot(), "src", "ScribeBot.Core"), PlatformMention()));
    }

    [Theory]
    [InlineData("@\"^<@(?<id>[A-Za-z0-9._-]+)>$\"", true)]
    [InlineData("// a mention (<@U1|name>)", true)]
    [InlineData("/// <c>&lt;@U123&gt;</c>", true)]
    [InlineData("@\"^<at>(?<name>.*)</at>$\"", true)]
    [InlineData("/// <c>&lt;AT&gt;Name&lt;/at&gt;</c>", true)]
    [InlineData("(\"escalate\", \"escalate <@who> [reason]\", \"record an escalation\"),", false)]
    [InlineData("(\"detected\", \"detected <how> [at HH:MM]\", \"...\"),", false)]
    [InlineData("var plain = text.TrimStart('@');", false)]
    public void The_mention_pattern_catches_every_platform_form(string line, bool banned)
    {
        Assert.Equal(banned, PlatformMention().IsMatch(line));
    }

    /// <summary>The C# files under <paramref name="folder"/>, leaving out build output.</summary>
    private static string[] SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToArray();

    /// <summary>Each line of <see cref="SourceFiles"/> that <paramref name="pattern"/> matches, as <c>file:line: text</c>.</summary>
    private static string[] LinesMatching(string folder, Regex pattern) =>
        SourceFiles(folder)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(folder, f), Line: i + 1, Text: line)))
            .Where(l => pattern.IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToArray();

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

    // Slack's <@U1|name> and Teams' <at>Name</at>, raw or as XML-doc entities. The help text's "<@who>" is a usage
    // placeholder ("<...>" is a required argument), not a platform's form.
    [GeneratedRegex(@"<@(?!who>)|&lt;@|</?at(?:>|\[)|&lt;/?at&gt;", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlatformMention();
}
