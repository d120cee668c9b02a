using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ScribeBot.Slack.Verification;

/// <summary>
/// Checks Slack's v0 request signature: HMAC-SHA256 over <c>v0:{X-Slack-Request-Timestamp}:{raw body}</c> with the
/// app's signing secret, sent as <c>X-Slack-Signature: v0=&lt;hex&gt;</c>. Unlike SlackNet's verifier this one
/// fails closed: no secret configured, a missing or malformed header, or a timestamp more than
/// <see cref="Window"/> away from now (either way: a replayed or pre-made request) all refuse the request.
/// Never throws on what a caller sends.
/// </summary>
internal sealed class SlackRequestVerifier
{
    /// <summary>Slack's documented replay window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private const string Version = "v0";
    private const string Prefix = Version + "=";
    private const int SignatureBytes = 32;

    private readonly byte[]? _key;
    private readonly TimeProvider _time;

    public SlackRequestVerifier(string? signingSecret, TimeProvider time)
    {
        // Whitespace-only is a configuration slip (an empty environment variable), not a secret.
        _key = string.IsNullOrWhiteSpace(signingSecret) ? null : Encoding.UTF8.GetBytes(signingSecret);
        _time = time;
    }

    public SlackVerificationResult Verify(string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body)
    {
        if (_key is null)
        {
            return new(SlackVerification.NoSigningSecret);
        }

        if (string.IsNullOrEmpty(timestampHeader))
        {
            return new(SlackVerification.MissingTimestamp);
        }

        // Digits only: long.TryParse would also take signs, spaces and other digit forms that Slack never sends.
        if (timestampHeader.Length > 12 || !timestampHeader.All(char.IsAsciiDigit)
            || !long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return new(SlackVerification.MalformedTimestamp);
        }

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var now = _time.GetUtcNow();
        if (signedAt < now - Window)
        {
            return new(SlackVerification.StaleTimestamp);
        }

        if (signedAt > now + Window)
        {
            return new(SlackVerification.FutureTimestamp);
        }

        if (string.IsNullOrEmpty(signatureHeader))
        {
            return new(SlackVerification.MissingSignature);
        }

        if (!signatureHeader.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return new(SlackVerification.UnsupportedSignatureVersion);
        }

        var hex = signatureHeader.AsSpan(Prefix.Length);
        Span<byte> sent = stackalloc byte[SignatureBytes];
        if (hex.Length != SignatureBytes * 2 || Convert.FromHexString(hex, sent, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != SignatureBytes)
        {
            return new(SlackVerification.MalformedSignature);
        }

        Span<byte> expected = stackalloc byte[SignatureBytes];
        using (var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key))
        {
            hmac.AppendData(Encoding.ASCII.GetBytes($"{Version}:{timestampHeader}:"));
            hmac.AppendData(body);
            hmac.GetHashAndReset(expected);
        }

        return CryptographicOperations.FixedTimeEquals(expected, sent)
            ? new(SlackVerification.Valid, signedAt)
            : new(SlackVerification.SignatureMismatch);
    }
}
