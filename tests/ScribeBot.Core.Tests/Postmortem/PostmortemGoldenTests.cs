namespace ScribeBot.Core.Tests.Postmortem;

public sealed class PostmortemGoldenTests
{
    [Fact]
    public void Documented_payments_outage_renders_as_reviewed()
    {
        var (incident, entries) = Scenarios.PaymentsOutage();

        var document = PostmortemDraft.Build(incident, entries);

        GoldenFile.AssertMatches("payments-outage.md", PostmortemMarkdown.Render(document));
    }

    [Fact]
    public void Documented_payments_outage_body_is_within_the_word_guideline()
    {
        var (incident, entries) = Scenarios.PaymentsOutage();

        var document = PostmortemDraft.Build(incident, entries);

        Assert.InRange(document.WordCount.Words, WordCount.GuidelineMin, WordCount.GuidelineMax);
        Assert.Empty(document.Warnings);
    }

    [Fact]
    public void Sparse_incident_renders_placeholders_as_reviewed()
    {
        var (incident, entries) = Scenarios.SparseIncident();

        GoldenFile.AssertMatches("sparse-incident.md", PostmortemMarkdown.Render(PostmortemDraft.Build(incident, entries)));
    }

    [Fact]
    public void Long_incident_with_two_thousand_messages_renders_as_reviewed()
    {
        var (incident, entries) = Scenarios.LongIncident(2000);

        GoldenFile.AssertMatches("long-incident.md", PostmortemMarkdown.Render(PostmortemDraft.Build(incident, entries)));
    }
}
