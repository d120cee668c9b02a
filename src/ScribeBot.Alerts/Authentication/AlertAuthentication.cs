namespace ScribeBot.Alerts.Authentication;

/// <summary>Why a request was let in or refused; only <see cref="Accepted"/> lets it through. Meant for logs.</summary>
internal enum AlertAuthentication
{
    Accepted,
    MissingCredentials,
    MalformedSignature,
    WrongCredentials,
}
