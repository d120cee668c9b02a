using System.Reflection;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using ScribeBot.LiteDb;
using ScribeBot.Postgres;
using ScribeBot.Postgres.Migrations;

namespace ScribeBot.Hosting;

/// <summary>
/// The failures at start an operator must fix before the host can run, each with its own exit code, so a service
/// manager or a deploy script can tell them apart from a crash: <see cref="InvalidSettings"/> for settings refused
/// by validation or that do not convert (a placeholder secret, an unknown time zone, <c>WriteTimeout=soon</c>),
/// <see cref="DataFileInUse"/> for a data file another process holds, <see cref="AddressInUse"/> for a port another
/// process listens on, <see cref="SchemaTooNew"/> for a PostgreSQL database a newer ScribeBot migrated,
/// <see cref="DatabaseUnreachable"/> for a PostgreSQL database not reached within <c>Storage:Postgres:StartupTimeout</c>
/// (or that refused the connection). Anything else is a crash and is left to the runtime.
/// </summary>
internal static class StartupFailure
{
    public const int InvalidSettings = 2;
    public const int DataFileInUse = 3;
    public const int AddressInUse = 4;
    public const int SchemaTooNew = 5;
    public const int DatabaseUnreachable = 6;

    /// <summary>The exit code for <paramref name="exception"/>, or null when it is not a failure an operator fixes.</summary>
    public static int? ExitCodeOf(Exception exception) => exception switch
    {
        DataFileInUseException => DataFileInUse,
        SchemaTooNewException => SchemaTooNew,
        DatabaseUnreachableException => DatabaseUnreachable,
        OptionsValidationException => InvalidSettings,
        AggregateException aggregate when aggregate.InnerExceptions.All(e => ExitCodeOf(e) == InvalidSettings) => InvalidSettings,
        IOException { InnerException: AddressInUseException } => AddressInUse,
        InvalidOperationException when SettingConversionFailure.IsOne(exception) => InvalidSettings,
        _ => null,
    };

    /// <summary>What is wrong, one reason per line: each validation failure names its key, a port in use its address.</summary>
    public static IEnumerable<string> ReasonsOf(Exception exception, IConfiguration configuration) => exception switch
    {
        OptionsValidationException invalid => invalid.Failures,
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(e => ReasonsOf(e, configuration)),
        // Kestrel's own sentence names the address ("Failed to bind to address http://127.0.0.1:5080: address already
        // in use."); what to do about it is ours to add.
        IOException { InnerException: AddressInUseException } =>
            [$"{exception.Message} Another process listens there: stop it, or set Urls to listen elsewhere (e.g. --urls http://localhost:5081)."],
        _ => [SettingConversionFailure.Describe(exception, configuration) ?? exception.Message],
    };

    /// <summary>
    /// True when this program is the process (<c>dotnet run</c>, the published binary), false when a test host runs it
    /// in its own process (WebApplicationFactory), which learns of a failed start only from the exception.
    /// </summary>
    public static bool IsOwnProcess => Assembly.GetEntryAssembly() == typeof(StartupFailure).Assembly;
}
