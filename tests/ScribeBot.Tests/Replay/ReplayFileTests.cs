namespace ScribeBot.Tests.Replay;

/// <summary>
/// What replay makes of files as editors and shells write them (a byte-order mark, UTF-16, a copy cut short), and
/// that the Markdown it prints links only to anchors it also prints.
/// </summary>
public sealed partial class ReplayFileTests : IDisposable
{
    private const string Transcript = """
        { "channel": "c", "messages": [
          { "id": "m1", "at": "2026-03-02T14:00:00Z", "user": "Zoë", "text": "/incident start Search is down sev2" },
          { "id": "m2", "at": "2026-03-02T14:01:00Z", "user": "B", "text": "it is down", "reactions": [ { "emoji": "rotating_light", "user": "Zoë" } ] },
          { "id": "m3", "at": "2026-03-02T14:02:00Z", "user": "B", "text": "restarting", "reactions": [ { "emoji": "hammer_and_wrench", "user": "Zoë" } ] },
          { "id": "m3", "at": "2026-03-02T14:02:30Z", "user": "B", "delete": true },
          { "id": "m4", "at": "2026-03-02T14:03:00Z", "user": "Zoë", "text": "/incident resolve rolled back" },
          { "id": "m5", "at": "2026-03-02T14:05:00Z", "user": "Zoë", "text": "/incident rootcause a bad deploy" },
          { "id": "m6", "at": "2026-03-02T14:06:00Z", "user": "Zoë", "text": "/incident start Second one" },
          { "id": "m7", "at": "2026-03-02T14:07:00Z", "user": "Zoë", "text": "/incident resolve" } ] }
        """;

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    public static TheoryData<string> Encodings => ["utf-8 with BOM", "utf-16 LE with BOM", "utf-16 BE with BOM"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task A_file_with_a_byte_order_mark_is_read(string encoding)
    {
        var bytes = encoding switch
        {
            "utf-8 with BOM" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Transcript)],
            "utf-16 LE with BOM" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Transcript)],
            _ => (byte[])[.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Transcript)],
        };

        var (exit, output, errors) = await ReplayAsync(bytes);

        Assert.True(exit == ReplayVerb.Ok, errors);
        Assert.Contains("# INC-1: Search is down", output, StringComparison.Ordinal);
        Assert.Contains("Zoë", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf16_without_a_byte_order_mark_is_refused_with_a_sentence()
    {
        var errors = await RefusedAsync(Encoding.Unicode.GetBytes(Transcript));

        Assert.Contains("looks like UTF-16 text without a byte-order mark; save it as UTF-8", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_are_refused_with_a_sentence()
    {
        var errors = await RefusedAsync(Encoding.Latin1.GetBytes(Transcript));

        Assert.Contains("is not UTF-8 text", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public async Task A_file_cut_short_says_so(double kept)
    {
        var errors = await RefusedAsync(Encoding.UTF8.GetBytes(Transcript[..(int)(Transcript.Length * kept)]));

        Assert.Contains("it looks cut short", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"channel\":\"x\",\"messages\":[{\"id\":\"m1\",\"at\":\"2026-03-02T14:02:10Z\",\"user\":\"A\",\"text\":\"/incident start X\"},")]
    [InlineData("{\"channel\":\"x\",\"messages\":[{\"id\":\"m1\",")]
    [InlineData("{\"channel\":\"x\",\"messages\":[{\"id\":\"m1\"")]
    [InlineData("{\"channel\":\"x\",\"messages\":[{\"id\":\"m1\",\"at\":\"2026-03-02T14:0")]
    [InlineData("{\"channel\":\"x\",\"messages\":[{\"id\":\"m1\",\"at\":\"2026-03-02T14:02:10Z\",\"user\":\"A\",\"text\":\"/incident start X\"}]\n\n")]
    public async Task A_file_cut_at_a_comma_a_name_or_inside_a_string_says_so(string text)
    {
        var errors = await RefusedAsync(Encoding.UTF8.GetBytes(text));

        Assert.Contains("it looks cut short", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"channel\":\"x\",\"messages\":[}")]
    [InlineData("{\"channel\":\"x\",\"messages\":[]} trailing")]
    [InlineData("{\"channel\":\"x\" \"messages\":[]}")]
    public async Task A_mistake_inside_the_file_is_not_called_cut_short(string text)
    {
        var errors = await RefusedAsync(Encoding.UTF8.GetBytes(text));

        Assert.Contains("not valid JSON at line 1", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("cut short", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_says_so()
    {
        var errors = await RefusedAsync([]);

        Assert.Contains("the file is empty", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("samples/checkout-502.json")]
    [InlineData("samples/search-timeouts-minimal.json")]
    [InlineData(null)]
    public async Task Every_message_link_in_the_markdown_has_its_anchor_in_the_same_draft(string? sample)
    {
        var bytes = sample is null ? Encoding.UTF8.GetBytes(Transcript) : await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Root, sample));

        var (exit, output, errors) = await ReplayAsync(bytes);

        Assert.True(exit == ReplayVerb.Ok, errors);
        foreach (var draft in output.Split("\n---\n"))
        {
            var anchors = Anchor().Matches(draft).Select(m => m.Groups["id"].Value).ToHashSet();
            var links = Link().Matches(draft).Select(m => m.Groups["id"].Value).ToList();
            Assert.NotEmpty(links);
            Assert.All(links, id => Assert.Contains(id, anchors));
        }
    }

    /// <summary>Replays <paramref name="bytes"/>, which must be refused as bad input (exit 2), and returns what it wrote to standard error.</summary>
    private async Task<string> RefusedAsync(byte[] bytes)
    {
        var (exit, _, errors) = await ReplayAsync(bytes);
        Assert.Equal(ReplayVerb.BadInput, exit);
        return errors;
    }

    private async Task<(int Exit, string Output, string Errors)> ReplayAsync(byte[] bytes)
    {
        var path = _directory.File(Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllBytesAsync(path, bytes);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await ReplayVerb.RunAsync([path], output, errors, CancellationToken.None);
        return (exit, output.ToString(), errors.ToString());
    }

    [GeneratedRegex(@"<a id=""(?<id>msg-[^""]+)""></a>")]
    private static partial Regex Anchor();

    [GeneratedRegex(@"\(<#(?<id>msg-[^>]+)>\)")]
    private static partial Regex Link();
}
