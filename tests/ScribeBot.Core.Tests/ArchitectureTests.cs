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

    [Fact]
    public void Core_source_holds_no_platform_mention_syntax()
    {
        // The adapters own their mention forms (IMentionSyntax); the core reads only a typed @name.
        var core = Path.Combine(RepositoryRoot(), "src", "ScribeBot.Core");
        var offending = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(core, f), Line: i + 1, Text: line)))
            .Where(l => PlatformMention().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}");
        Assert.Empty(offending);
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
