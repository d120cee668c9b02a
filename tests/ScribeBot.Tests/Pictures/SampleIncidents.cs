using ScribeBot.Core.Configuration;

namespace ScribeBot.Tests.Pictures;

/// <summary>The replay samples (<c>samples/*.json</c>) run through the core as <c>replay</c> runs them: the incidents whose drafts are the samples' goldens.</summary>
internal static class SampleIncidents
{
    public static readonly string[] Names = ["checkout-502", "search-timeouts-minimal", "pagerduty-checkout"];

    public static async Task<(Incident Incident, IReadOnlyList<TimelineEntry> Entries)> ReplayAsync(string name)
    {
        var json = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Samples, name + ".json"));
        var transcript = TranscriptReader.Read(json);
        var options = new ScribeOptions();
        options.TimeZone = transcript.TimeZone ?? options.TimeZone;
        var outcome = await ReplayVerb.ReplayAsync(transcript, options, CancellationToken.None);
        return outcome.Incidents[0];
    }
}
