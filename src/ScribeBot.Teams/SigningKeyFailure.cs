namespace ScribeBot.Teams;

/// <summary>
/// Tells apart the one SDK failure that says nothing about the request: the Bot Framework's OpenID metadata or signing
/// keys could not be fetched (IdentityModel's IDX20803, "Unable to obtain configuration", e.g. login.botframework.com
/// unreachable from this host). The token can then be neither trusted nor called forged.
/// </summary>
internal static class SigningKeyFailure
{
    public static bool IsKeysUnreachable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is InvalidOperationException && current.Message.StartsWith("IDX20803:", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
