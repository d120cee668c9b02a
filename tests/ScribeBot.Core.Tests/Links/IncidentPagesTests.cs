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

    [Fact]
    public void An_absolute_address_keeps_the_base_and_its_path()
    {
        const string Markdown = "incidents/slack%3AT1%3A3/postmortem.md";
        var bases = new[] { "https://scribe.example", "https://scribe.example/", "https://example.com/scribe", "https://example.com/scribe/" };

        Assert.Equal(
            [$"https://scribe.example/{Markdown}", $"https://scribe.example/{Markdown}", $"https://example.com/scribe/{Markdown}", $"https://example.com/scribe/{Markdown}"],
            bases.Select(b => IncidentPages.Absolute(b, IncidentPages.Markdown(Id))));
        Assert.Equal($"http://localhost:5000/{Markdown}", IncidentPages.Absolute("http://localhost:5000", IncidentPages.Markdown(Id)));
    }

    [Fact]
    public void Without_an_absolute_base_there_is_no_absolute_address()
    {
        Assert.All([null, "", "scribe.example"], baseUrl => Assert.Null(IncidentPages.Absolute(baseUrl, IncidentPages.Markdown(Id))));
    }
}
