using System.Reflection;
using Microsoft.Extensions.Options;
using ScribeBot.LiteDb;

namespace ScribeBot.Hosting;

/// <summary>
/// The failures at start an operator must fix before the host can run, each with its own exit code, so a service
/// manager or a deploy script can tell them apart from a crash: <see cref="InvalidSettings"/> for settings refused
/// by validation (a placeholder secret, an unknown time zone...), <see cref="DataFileInUse"/> for a data file another
/// process holds. Anything else is a crash and is left to the runtime.
/// </summary>
internal static class StartupFailure
{
    public const int InvalidSettings = 2;
    public const int DataFileInUse = 3;

    /// <summary>The exit code for <paramref name="exception"/>, or null when it is not a failure an operator fixes.</summary>
    public static int? ExitCodeOf(Exception exception) => exception switch
    {
        DataFileInUseException => DataFileInUse,
        OptionsValidationException => InvalidSettings,
        AggregateException aggregate when aggregate.InnerExceptions.All(e => e is OptionsValidationException) => InvalidSettings,
        _ => null,
    };

    /// <summary>What is wrong, one reason per line: each validation failure names its key.</summary>
    public static IEnumerable<string> ReasonsOf(Exception exception) => exception switch
    {
        OptionsValidationException invalid => invalid.Failures,
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(ReasonsOf),
        _ => [exception.Message],
    };

    /// <summary>
    /// True when this program is the process (<c>dotnet run</c>, the published binary), false when a test host runs it
    /// in its own process (WebApplicationFactory), which learns of a failed start only from the exception.
    /// </summary>
    public static bool IsOwnProcess => Assembly.GetEntryAssembly() == typeof(StartupFailure).Assembly;
}
