namespace ScribeBot.Teams.Tests.Endpoint;

/// <summary>
/// With the Bot Framework's default key location and no route to it, the SDK throws IdentityModel's IDX20803; the
/// endpoint answers that with 503 (try again) rather than 500 (a failed turn). Reproduced here with the message the
/// SDK threw on this machine, since a test may not reach for login.botframework.com.
/// </summary>
public sealed class SigningKeyFailureTests
{
    private const string Observed =
        "IDX20803: Unable to obtain configuration from: 'https://login.botframework.com/v1/.well-known/openidconfiguration'. " +
        "Will retry at '01/01/0001 00:00:00 +00:00'.";

    [Fact]
    public void Unreachable_signing_keys_are_recognised_however_deep_the_sdk_wraps_them()
    {
        Assert.True(SigningKeyFailure.IsKeysUnreachable(new InvalidOperationException(Observed)));
        Assert.True(SigningKeyFailure.IsKeysUnreachable(new AggregateException(new InvalidOperationException(Observed))));
    }

    [Fact]
    public void Any_other_failure_is_not_taken_for_it()
    {
        Assert.False(SigningKeyFailure.IsKeysUnreachable(new InvalidOperationException("IDX10503: Signature validation failed.")));
        Assert.False(SigningKeyFailure.IsKeysUnreachable(new UnauthorizedAccessException("No valid identity")));
        Assert.False(SigningKeyFailure.IsKeysUnreachable(new IOException(Observed)));
    }
}
