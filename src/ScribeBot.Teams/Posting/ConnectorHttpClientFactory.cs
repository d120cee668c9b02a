namespace ScribeBot.Teams.Posting;

/// <summary>
/// The <see cref="IHttpClientFactory"/> handed to the Bot Framework: whatever name it asks for, it gets the client
/// named <see cref="ClientName"/>, which carries <see cref="TeamsOptions.ConnectorTimeout"/>. Configuring the
/// default client instead would change the timeout of every other user of the host's factory.
/// </summary>
internal sealed class ConnectorHttpClientFactory(IHttpClientFactory inner) : IHttpClientFactory
{
    public const string ClientName = "ScribeBot.Teams.Connector";

    public HttpClient CreateClient(string name) => inner.CreateClient(ClientName);
}
