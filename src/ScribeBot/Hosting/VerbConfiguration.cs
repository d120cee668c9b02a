using Npgsql;

namespace ScribeBot.Hosting;

/// <summary>
/// What the operator verbs (<c>migrate</c>, <c>migrate-store</c>, <c>purge</c>) share: the host's own configuration
/// sources, so a verb opens the store the host would, settings given as the host takes them, and the one-line
/// description of a store failure an operator reads (no stack trace, never the connection string's password).
/// </summary>
internal static class VerbConfiguration
{
    /// <summary>
    /// appsettings.json beside the binary, the environment's file, user secrets in Development, environment variables
    /// and <paramref name="settings"/> (<c>--Section:Key value</c> pairs), as the host reads them.
    /// </summary>
    public static ConfigurationManager Build(IReadOnlyList<string> settings) =>
        WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. settings],
            ContentRootPath = AppContext.BaseDirectory,
        }).Configuration;

    /// <summary>
    /// Takes <c>--Section:Key value</c> or <c>--Section:Key=value</c> at <paramref name="index"/> into
    /// <paramref name="settings"/>; false when the argument is not a setting. <paramref name="error"/> is set when it is
    /// one without a value.
    /// </summary>
    public static bool TryTakeSetting(IReadOnlyList<string> args, ref int index, List<string> settings, out string? error)
    {
        error = null;
        var arg = args[index];
        if (!arg.StartsWith("--", StringComparison.Ordinal) || !arg.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }

        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0)
        {
            settings.Add(arg[..equals]);
            settings.Add(arg[(equals + 1)..]);
            return true;
        }

        if (index + 1 >= args.Count)
        {
            error = $"{arg} needs a value.";
            return true;
        }

        settings.Add(arg);
        settings.Add(args[++index]);
        return true;
    }

    /// <summary>A PostgreSQL failure in one line: Npgsql's message and the reason under it (e.g. "Connection refused").</summary>
    public static string Describe(NpgsqlException exception) =>
        exception.InnerException is { } inner && !exception.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? $"{exception.Message} ({inner.Message})"
            : exception.Message;
}
