using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace ScribeBot.Alerts.Authentication;

/// <summary>
/// Checks <c>X-PagerDuty-Signature</c>: one or more comma-separated <c>v1=&lt;hex&gt;</c> values, each the HMAC-SHA256
/// of the raw body under one of the subscription's secrets (PagerDuty sends one per active secret while rotating).
/// The request is authentic when any value matches any configured secret, compared in constant time. The key is the
/// secret's UTF-8 bytes as given: it looks like base64 but is not decoded (PagerDuty's own SDK does the same).
/// </summary>
internal sealed class PagerDutySignature(IReadOnlyList<string> secrets)
{
    public const string HeaderName = "X-PagerDuty-Signature";

    private const string Prefix = "v1=";
    private const int SignatureBytes = 32;

    /// <summary>Two during a rotation; a header with many more is not PagerDuty's, and each costs a comparison per secret.</summary>
    private const int MaxSignatures = 8;

    private readonly byte[][] _keys = [.. secrets.Select(Encoding.UTF8.GetBytes)];

    public AlertAuthentication Verify(string? header, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return AlertAuthentication.MissingCredentials;
        }

        var sent = new List<byte[]>();
        foreach (var part in header.Split(',', MaxSignatures + 1, StringSplitOptions.TrimEntries).Take(MaxSignatures))
        {
            // Other versions are skipped, as the docs say: a later scheme may be sent beside v1.
            var signature = new byte[SignatureBytes];
            if (part.StartsWith(Prefix, StringComparison.Ordinal) && part.Length == Prefix.Length + (SignatureBytes * 2)
                && Convert.FromHexString(part.AsSpan(Prefix.Length), signature, out _, out _) == OperationStatus.Done)
            {
                sent.Add(signature);
            }
        }

        if (sent.Count == 0)
        {
            return AlertAuthentication.MalformedSignature;
        }

        Span<byte> expected = stackalloc byte[SignatureBytes];
        var matched = false;
        foreach (var key in _keys)
        {
            HMACSHA256.HashData(key, body, expected);
            foreach (var signature in sent)
            {
                matched |= CryptographicOperations.FixedTimeEquals(expected, signature);
            }
        }

        return matched ? AlertAuthentication.Accepted : AlertAuthentication.WrongCredentials;
    }
}
