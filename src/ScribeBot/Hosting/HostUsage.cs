namespace ScribeBot.Hosting;

/// <summary>
/// What <c>--help</c> prints: the verbs, the settings a first run needs and the exit codes, so a person at a terminal
/// learns them without the README. Kept short; the README has the whole table of settings.
/// </summary>
internal static class HostUsage
{
    public const string Text = """
        usage: ScribeBot [--urls URL] [--Section:Key VALUE ...]   run the bot (default http://localhost:5080)
               ScribeBot replay FILE [--tz ZONE]                  print the postmortem of a recorded transcript
               ScribeBot purge --before YYYY-MM-DD [--yes]        delete resolved incidents declared before that day
               ScribeBot migrate                                  apply pending schema migrations to the configured store
               ScribeBot migrate-store --from litedb:PATH --to postgres:CONNECTION
                                                                  copy a LiteDB data file into PostgreSQL
               ScribeBot [replay|purge|migrate|migrate-store] --help   this help, or the verb's

        Settings come from appsettings.json beside the binary, the environment (Section__Key, e.g.
        Scribe__TimeZone=Europe/Berlin, Slack__SigningSecret=...) and the command line (--Scribe:TimeZone Europe/Berlin).
        Without Slack or Teams keys the bot runs for the web sandbox alone: open http://localhost:5080/sandbox.
        Every key is in README.md (Configuration).

        Exit codes: 0 stopped normally; 2 an invalid setting (the line names the key); 3 the data file is in use by
        another process; 4 the address to listen on is in use; 5 the PostgreSQL schema is newer than this build.
        """;

    /// <summary>True for the ways people ask a program for help.</summary>
    public static bool IsHelp(string argument) => argument is "--help" or "-h" or "-?" or "/?" or "help";
}
