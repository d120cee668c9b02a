using Microsoft.Extensions.Options;
using ScribeBot.Core.Postmortem.Building;
using ScribeBot.Core.Postmortem.Markdown;
using ScribeBot.Core;
using ScribeBot.Core.Configuration;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Time;
using ScribeBot.Slack;
using ScribeBot.Teams;

namespace ScribeBot.Replay;

/// <summary>
/// <c>replay FILE [--tz ZONE]</c>: replays a transcript through the core with a throwaway in-memory store and
/// prints each incident's postmortem Markdown. Exit codes: 0 done, 1 nothing to draft, 2 bad arguments or file.
/// </summary>
internal static class ReplayVerb
{
    public const int Ok = 0;
    public const int NothingToDraft = 1;
    public const int BadInput = 2;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (args.Any(Hosting.HostUsage.IsHelp))
        {
            await output.WriteLineAsync(ReplayHelp.Text.AsMemory(), cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            return Ok;
        }

        if (!TryParseArguments(args, out var path, out var zoneOverride, out var argumentError))
        {
            await errors.WriteLineAsync($"replay: {argumentError}\n{ReplayHelp.Usage}".AsMemory(), cancellationToken).ConfigureAwait(false);
            return BadInput;
        }

        Transcript transcript;
        try
        {
            transcript = TranscriptReader.Read(await TranscriptFile.ReadAsync(path, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or TranscriptFormatException)
        {
            await errors.WriteLineAsync($"replay: {path}: {e.Message}".AsMemory(), cancellationToken).ConfigureAwait(false);
            return BadInput;
        }

        var options = ConfiguredOptions();
        options.TimeZone = zoneOverride ?? transcript.TimeZone ?? options.TimeZone;
        var outcome = await ReplayAsync(transcript, options, cancellationToken).ConfigureAwait(false);
        foreach (var refusal in outcome.Refusals)
        {
            await errors.WriteLineAsync($"replay: refused: {refusal}".AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        if (outcome.Incidents.Count == 0)
        {
            await errors.WriteLineAsync("replay: the transcript never starts an incident (/incident start ... or a triggered alert), so there is no postmortem to draft.".AsMemory(), cancellationToken).ConfigureAwait(false);
            return NothingToDraft;
        }

        for (var i = 0; i < outcome.Incidents.Count; i++)
        {
            var (incident, entries) = outcome.Incidents[i];
            if (i > 0)
            {
                await output.WriteLineAsync("\n---\n".AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            await output.WriteAsync(PostmortemMarkdown.Render(PostmortemDraft.Build(incident, entries)).TrimEnd().AsMemory(), cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync().ConfigureAwait(false);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return Ok;
    }

    /// <summary>Runs the transcript through the core's own services, as the host wires them.</summary>
    internal static async Task<ReplayOutcome> ReplayAsync(Transcript transcript, ScribeOptions options, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IOptions<ScribeOptions>>(Options.Create(options));
        services.AddSingleton<ReplayClock>();
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<ReplayClock>());
        services.AddSingleton<InMemoryIncidentStore>();
        services.AddSingleton<IIncidentStore>(sp => sp.GetRequiredService<InMemoryIncidentStore>());
        // Posts pile up here undelivered: replay prints the postmortem instead of posting anything.
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<InMemoryIncidentStore>());
        services.AddSingleton<IAdapterStateStore>(sp => sp.GetRequiredService<InMemoryIncidentStore>());
        services.AddSingleton<TranscriptReplayer>();
        services.AddScribeCore();
        // Transcripts name people as the platforms do (samples/ uses Slack's form): replay reads every platform's
        // form, as the web host does, without the adapters themselves.
        services.AddSlackMentionSyntax();
        services.AddTeamsMentionSyntax();

        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<TranscriptReplayer>().ReplayAsync(transcript, cancellationToken).ConfigureAwait(false);
    }

    // The same Scribe settings as the web host (default zone, reaction tables), without starting it.
    private static ScribeOptions ConfiguredOptions()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        return configuration.GetSection(ScribeOptions.SectionName).Get<ScribeOptions>() ?? new ScribeOptions();
    }

    private static bool TryParseArguments(IReadOnlyList<string> args, out string path, out string? zone, out string error)
    {
        path = string.Empty;
        zone = null;
        error = string.Empty;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--tz" when i + 1 < args.Count:
                    zone = args[++i];
                    if (!IncidentTimeZone.TryFind(zone, out _))
                    {
                        error = $"--tz '{zone}' is not an IANA time zone id (e.g. Europe/Berlin).";
                        return false;
                    }

                    break;
                case "--tz":
                    error = "--tz needs a time zone id.";
                    return false;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    error = $"unknown option '{option}'.";
                    return false;
                case var file when path.Length == 0:
                    path = file;
                    break;
                default:
                    error = $"unexpected argument '{args[i]}'.";
                    return false;
            }
        }

        if (path.Length == 0)
        {
            error = "no transcript file given.";
            return false;
        }

        return true;
    }
}
