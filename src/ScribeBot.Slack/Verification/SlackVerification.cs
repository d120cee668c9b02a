namespace ScribeBot.Slack.Verification;

/// <summary>Why a request was accepted or refused; only <see cref="Valid"/> lets it through. Meant for logs.</summary>
internal enum SlackVerification
{
    Valid,
    NoSigningSecret,
    MissingTimestamp,
    MalformedTimestamp,
    StaleTimestamp,
    FutureTimestamp,
    MissingSignature,
    UnsupportedSignatureVersion,
    MalformedSignature,
    SignatureMismatch,
}

/// <summary>The outcome of a check; <paramref name="Timestamp"/> is the signed request time, set only when valid.</summary>
internal readonly record struct SlackVerificationResult(SlackVerification Outcome, DateTimeOffset? Timestamp = null)
{
    public bool IsValid => Outcome == SlackVerification.Valid;
}
