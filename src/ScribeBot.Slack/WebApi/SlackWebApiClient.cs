using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ScribeBot.Slack.WebApi;

/// <summary>
/// The Slack Web API methods the bot calls, one group per Slack method family (<c>client.Chat.PostMessageAsync</c>,
/// as SlackNet's <c>ISlackApiClient</c>), all over one <see cref="SlackApiTransport"/> on a typed
/// <see cref="HttpClient"/> whose base address is <c>Slack:ApiBaseUrl</c>. Expected failures come back as
/// <see cref="SlackApiResult{T}"/>; only cancellation throws. Writes are sent once; idempotent reads retry a few
/// times, honouring <c>Retry-After</c>.
/// </summary>
/// <remarks>
/// Callers take this one type (through a <c>Func</c> where they are singletons, so IHttpClientFactory can rotate the
/// handler) rather than the groups one by one: a caller that posts, looks up and joins needs one dependency, not three.
/// </remarks>
internal sealed class SlackWebApiClient
{
    public SlackWebApiClient(HttpClient http, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackWebApiClient> logger)
    {
        var transport = new SlackApiTransport(http, options, time, logger);
        AppsConnections = new AppsConnectionsApi(transport);
        Auth = new AuthApi(transport);
        Chat = new ChatApi(transport);
        Conversations = new ConversationsApi(transport);
        Files = new FilesApi(transport);
        Users = new UsersApi(transport);
        Views = new ViewsApi(transport);
    }

    public AppsConnectionsApi AppsConnections { get; }

    public AuthApi Auth { get; }

    public ChatApi Chat { get; }

    public ConversationsApi Conversations { get; }

    public FilesApi Files { get; }

    public UsersApi Users { get; }

    public ViewsApi Views { get; }
}
