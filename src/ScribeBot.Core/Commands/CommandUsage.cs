namespace ScribeBot.Core.Commands;

/// <summary>
/// The grammar's verbs with their usage and meaning: one table for <c>help</c> and for parse errors, so the
/// two never disagree.
/// </summary>
public static class CommandUsage
{
    public static IReadOnlyList<(string Verb, string Usage, string Meaning)> Verbs { get; } =
    [
        ("start", "start <title> [sev1-4]", "open an incident in this channel"),
        ("ack", "ack", "acknowledge the incident (stops the MTTA clock)"),
        ("detected", "detected <how> [at HH:MM]", "how and when the problem was detected"),
        ("began", "began HH:MM", "when impact really began, if before detection"),
        ("recovered", "recovered [at HH:MM]", "when impact ended (default: now); the outage is measured to it, not to the resolve"),
        ("update", "update <text>", "post a status update in the channel"),
        ("impact", "impact <text>", "describe the impact"),
        ("users", "users <n>%", "share of users affected"),
        ("escalate", "escalate <@who> [reason]", "record an escalation"),
        ("misleading", "misleading <text>", "record a misleading path"),
        ("action", "action <text>", "record an action taken"),
        ("note", "note <text>", "record a plain note"),
        ("rootcause", "rootcause <text>", "the root cause"),
        ("resolution", "resolution <text>", "how it was fixed"),
        ("improve", "improve <text>", "a broad corrective or preventative measure"),
        ("todo", "todo <task> [@owner]", "a specific follow-up task"),
        ("followups", "followups", "turn the tasks into issues in the team's tracker (GitHub, Jira or Linear), once each"),
        ("severity", "severity sev1-4", "change the severity"),
        ("commander", "commander <@who>", "hand over incident command"),
        ("tz", "tz <IANA time zone>", "time zone for the draft and for HH:MM times, e.g. Europe/Berlin"),
        ("status", "status", "current summary, just for you"),
        ("catchup", "catchup", "what you missed: latest update, tagged events since you last spoke, what the postmortem lacks; just for you"),
        ("timeline", "timeline", "post the timeline so far"),
        ("resolve", "resolve [resolution]", "close the incident and post the postmortem draft"),
        ("postmortem", "postmortem", "post the draft again (after edits)"),
        ("reopen", "reopen", "reopen the last resolved incident"),
        ("help", "help [verb]", "this help"),
        ("stats", "stats [days]", "MTTA and MTTR over the last days (default 30)"),
    ];

    public static string? UsageOf(string verb) =>
        Verbs.FirstOrDefault(v => v.Verb == verb).Usage;

    public static string Example(string verb) => $"/incident {UsageOf(verb) ?? verb}";
}
