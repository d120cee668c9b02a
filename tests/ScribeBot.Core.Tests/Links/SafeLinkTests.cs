using ScribeBot.Core.Links;

namespace ScribeBot.Core.Tests.Links;

public sealed class SafeLinkTests
{
    public static TheoryData<string> WebAddresses =>
    [
        "https://acme.slack.com/archives/C1/p1", "http://localhost:5000/sandbox#msg-m1", "HTTPS://EXAMPLE.COM/X",
        "https://teams.microsoft.com/l/message/19:abc@thread.tacv2/1?tenantId=t1&parentMessageId=1",
        "http://example.com/a b", "https://bücher.example/seite", "https://xn--bcher-kva.example/seite",
        "http://[::1]:8080/", "https://example.com/%0A",
    ];

    public static TheoryData<string?> OtherTargets =>
    [
        null, "", "javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)", "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "ftp://files.example/x", "mailto:someone@example.com",
        "/incidents/x", "//evil.example/", "#msg-m1", "example.com", "not a url", "https://", "http:example.com",
        "https:\\\\evil.example",
    ];

    // Refused rather than cleaned: what a browser would make of them is not what was checked.
    public static TheoryData<string> WithControlCharactersOrWhiteSpaceAround =>
    [
        "https://example.com/a\nb", "https://exa\nmple.com/", "https://example.com/\r", "https://example.com/\u0000",
        "https://example.com/\u0001", "https://example.com/\u007F", "https://example.com/\u0085", "\u0001https://example.com/",
        " https://example.com/", "\thttps://example.com/", "\u00A0https://example.com/", "https://example.com/ ", " javascript:alert(1)",
    ];

    [Theory]
    [MemberData(nameof(WebAddresses))]
    public void Absolute_http_and_https_addresses_are_web_addresses(string url) =>
        Assert.True(SafeLink.IsWebAddress(url));

    [Theory]
    [MemberData(nameof(OtherTargets))]
    public void Other_schemes_relative_links_and_anchors_are_not(string? url) =>
        Assert.False(SafeLink.IsWebAddress(url));

    [Theory]
    [MemberData(nameof(WithControlCharactersOrWhiteSpaceAround))]
    public void A_control_character_anywhere_or_white_space_around_makes_it_no_web_address(string url) =>
        Assert.False(SafeLink.IsWebAddress(url));

    [Fact]
    public void A_site_path_has_one_leading_slash_and_cannot_reach_another_host()
    {
        Assert.All(["/", "/incidents/slack%3AT1%3A3", "/sandbox?channel=ops#msg-1"], path => Assert.True(SafeLink.IsSitePath(path)));
        Assert.All(
            ["//evil.example/", "/\\evil.example/", "/a\nb", "/a ", "incidents/x", "https://example.com/", null],
            path => Assert.False(SafeLink.IsSitePath(path)));
    }

    [Fact]
    public void Percent_encoding_writes_only_the_named_characters_as_escapes()
    {
        Assert.Equal("https://x.example/a%20b", SafeLink.PercentEncode("https://x.example/a b", " "));
        Assert.Equal("https://x.example/%3Ca%3E%7Cb%40c", SafeLink.PercentEncode("https://x.example/<a>|b@c", "<>|@"));
        Assert.Equal("https://x.example/a%5Cb", SafeLink.PercentEncode("https://x.example/a\\b", "\\"));
        Assert.Equal("https://x.example/plain", SafeLink.PercentEncode("https://x.example/plain", "<> "));
    }
}
