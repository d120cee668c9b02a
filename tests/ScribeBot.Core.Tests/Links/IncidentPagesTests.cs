using ScribeBot.Core.Links;

namespace ScribeBot.Core.Tests.Links;

public sealed class IncidentPagesTests
{
    private const string Id = "slack:T1:3";

    [Fact]
    public void The_pages_of_an_incident_escape_its_id_into_one_path_segment()
    {
        Assert.Equal("/incidents/slack%3AT1%3A3", IncidentPages.Page(Id));
        Assert.Equal("/incidents/slack%3AT1%3A3/postmortem", IncidentPages.Editor(Id));
        Assert.Equal("/incidents/slack%3AT1%3A3/postmortem.md", IncidentPages.Markdown(Id));
        Assert.Equal("/incidents/slack%3AT1%3A3/postmortem.html", IncidentPages.Html(Id));
        Assert.Equal("/incidents/web%3Asandbox%3Aa%2Fb%3F%23%203", IncidentPages.Page("web:sandbox:a/b?# 3"));
    }

    [Theory]
    [InlineData("https://scribe.example", "https://scribe.example/incidents/slack%3AT1%3A3/postmortem.md")]
    [InlineData("https://scribe.example/", "https://scribe.example/incidents/slack%3AT1%3A3/postmortem.md")]
    [InlineData("https://example.com/scribe", "https://example.com/scribe/incidents/slack%3AT1%3A3/postmortem.md")]
    [InlineData("https://example.com/scribe/", "https://example.com/scribe/incidents/slack%3AT1%3A3/postmortem.md")]
    [InlineData("http://localhost:5000", "http://localhost:5000/incidents/slack%3AT1%3A3/postmortem.md")]
    public void An_absolute_address_keeps_the_base_and_its_path(string baseUrl, string expected) =>
        Assert.Equal(expected, IncidentPages.Absolute(baseUrl, IncidentPages.Markdown(Id)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("scribe.example")]
    public void Without_an_absolute_base_there_is_no_absolute_address(string? baseUrl) =>
        Assert.Null(IncidentPages.Absolute(baseUrl, IncidentPages.Markdown(Id)));
}
