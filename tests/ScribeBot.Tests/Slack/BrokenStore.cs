namespace ScribeBot.Tests.Slack;

/// <summary>A store whose every call throws, as a corrupt data file or a full disk would: the core's failure, not an expected outcome.</summary>
// Public and unsealed: DispatchProxy derives a proxy type from it at run time.
public class BrokenStore : DispatchProxy
{
    internal static IIncidentStore Create() => Create<IIncidentStore, BrokenStore>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        throw new IOException("The store is broken (test).");
}
