namespace ScribeBot.Core.Postmortem;

/// <summary>
/// The texts shown for facts the bot does not have. Each names the command that records the fact, so the
/// draft tells its reader how to complete it. Brackets are part of the text so every renderer (and plain text)
/// shows them.
/// </summary>
public static class Placeholders
{
    public const string Impact = "[impact not recorded - /incident impact <text>]";
    public const string UsersAffected = "[share of users affected not recorded - /incident users <n>%]";
    public const string RootCause = "[root cause not recorded - /incident rootcause <text>]";
    public const string Resolution = "[resolution not recorded - /incident resolution <text>]";
    public const string DetectionMethod = "[detection method not recorded - /incident detected <how> [at HH:MM]]";
    public const string DetectionTime =
        "[detection time not recorded, declaration time shown - /incident detected <how> at HH:MM]";
    public const string ImpactStart = "[impact start not recorded - /incident began HH:MM]";
    public const string Acknowledged = "[not acknowledged - /incident ack]";
    public const string Commander = "[no commander - /incident commander <@who>]";
    public const string Improvements = "[no broad improvements recorded - /incident improve <text>]";
    public const string Tasks = "[no tasks recorded - /incident todo <task> [@owner]]";
    public const string Owner = "[no owner - /incident todo <task> @owner]";
}
