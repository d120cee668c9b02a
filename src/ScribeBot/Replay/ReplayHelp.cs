namespace ScribeBot.Replay;

/// <summary>What <c>replay --help</c> prints: the arguments, the file's shape in brief and the exit codes.</summary>
internal static class ReplayHelp
{
    public const string Usage = "usage: replay FILE [--tz ZONE]   (FILE: a transcript JSON file, see README.md)";

    public const string Text = Usage + """


        Replays a recorded channel through ScribeBot, with a throwaway in-memory store (your data file is not touched),
        and prints the postmortem Markdown of every incident it started on standard output. Commands the bot refused
        are listed on standard error with its answer.

          FILE       a UTF-8 JSON file: { "channel": "...", "timeZone": "Europe/Berlin", "messages": [ { "id", "at",
                     "user", "text", "thread", "reactions", "edit", "delete" } ], "alerts": [ { "at", "source",
                     "action", "alertId", "title", ... } ] } (README.md, replay); message and alert numbers in
                     errors count from 1, the first message being message 1
          --tz ZONE  the incidents' IANA time zone, over the file's "timeZone" and Scribe:TimeZone

        Exit codes: 0 done; 1 the transcript never starts an incident; 2 bad arguments or a bad file.
        example: replay samples/checkout-502.json --tz Europe/London
        """;
}
