namespace ScribeBot.Web.Access;

/// <summary>
/// Marks an endpoint that machines call and that authenticates each request itself (Slack's signature, the Bot
/// Framework's token, a health probe): <see cref="WebHostGuard"/> leaves it alone, since such calls arrive through
/// tunnels and load balancers under any host name. Everything not marked is a web page and is guarded.
/// </summary>
internal sealed class MachineEndpoint
{
    public static readonly MachineEndpoint Instance = new();

    private MachineEndpoint()
    {
    }
}

internal static class MachineEndpointExtensions
{
    public static TBuilder AsMachineEndpoint<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(MachineEndpoint.Instance);
}
