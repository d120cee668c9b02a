using ScribeBot.Core.Links;

namespace ScribeBot.Core.Tests.Links;

public sealed class SafeLinkTests
{
    [Theory]
    [InlineData("https://acme.slack.com/archives/C1/p1")]
    [InlineData("http://localhost:5000/sandbox#msg-m1")]
    [InlineData("HTTPS://EXAMPLE.COM/X")]
    [InlineData("https://teams.microsoft.com/l/message/19:abc@thread.tacv2/1?tenantId=t1&parentMessageId=1")]
    [InlineData("http://example.com/a b")]
    [InlineData("https://bücher.example/seite")]
    [InlineData("https://xn--bcher-kva.example/seite")]
    [InlineData("http://[::1]:8080/")]
    [InlineData("https://example.com/%0A")]
    public void Absolute_http_and_https_addresses_are_web_addresses(string url) =>
        Assert.True(SafeLink.IsWebAddress(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://files.example/x")]
    [InlineData("mailto:someone@example.com")]
    [InlineData("/incidents/x")]
    [InlineData("//evil.example/")]
    [InlineData("#msg-m1")]
    [InlineData("example.com")]
    [InlineData("not a url")]
    [InlineData("https://")]
    [InlineData("http:example.com")]
    [InlineData("https:\\\\evil.example")]
    public void Other_schemes_relative_links_and_anchors_are_not(string? url) =>
        Assert.False(SafeLink.IsWebAddress(url));

    [Theory]
    [InlineData("https://example.com/a\nb")]
    [InlineData("https://exa\nmple.com/")]
    [InlineData("https://example.com/\r")]
    [InlineData("https://example.com/\u0000")]
    [InlineData("https://example.com/\u0001")]
    [InlineData("https://example.com/\u007F")]
    [InlineData("https://example.com/\u0085")]
    [InlineData("\u0001https://example.com/")]
    public void An_address_with_a_control_character_anywhere_is_not_a_web_address(string url) =>
        Assert.False(SafeLink.IsWebAddress(url));

    [Theory]
    [InlineData(" https://example.com/")]
    [InlineData("\thttps://example.com/")]
    [InlineData("\u00A0https://example.com/")]
    [InlineData("https://example.com/ ")]
    [InlineData(" javascript:alert(1)")]
    public void White_space_around_an_address_is_refused_not_trimmed(string url) =>
        Assert.False(SafeLink.IsWebAddress(url));

    [Theory]
    [InlineData("/", true)]
    [InlineData("/incidents/slack%3AT1%3A3", true)]
    [InlineData("/sandbox?channel=ops#msg-1", true)]
    [InlineData("//evil.example/", false)]
    [InlineData("/\\evil.example/", false)]
    [InlineData("/a\nb", false)]
    [InlineData("/a ", false)]
    [InlineData("incidents/x", false)]
    [InlineData("https://example.com/", false)]
    [InlineData(null, false)]
    public void A_site_path_has_one_leading_slash_and_cannot_reach_another_host(string? url, bool expected) =>
        Assert.Equal(expected, SafeLink.IsSitePath(url));

    [Theory]
    [InlineData("https://x.example/a b", " ", "https://x.example/a%20b")]
    [InlineData("https://x.example/<a>|b@c", "<>|@", "https://x.example/%3Ca%3E%7Cb%40c")]
    [InlineData("https://x.example/a\\b", "\\", "https://x.example/a%5Cb")]
    [InlineData("https://x.example/plain", "<> ", "https://x.example/plain")]
    public void Percent_encoding_writes_only_the_named_characters_as_escapes(string url, string characters, string expected) =>
        Assert.Equal(expected, SafeLink.PercentEncode(url, characters));
}
