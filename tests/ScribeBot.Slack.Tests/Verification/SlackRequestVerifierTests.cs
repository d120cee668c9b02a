using System.Security.Cryptography;
using ScribeBot.Slack.Verification;

namespace ScribeBot.Slack.Tests.Verification;

public sealed class SlackRequestVerifierTests
{
    // Slack's documented example (signing_example.slack_docs.json).
    private static readonly string Secret = Fixtures.Slack.Json("signing_example.slack_docs.json").GetProperty("signing_secret").GetString()!;
    private const string Timestamp = "1531420618";
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static readonly byte[] Body = Fixtures.Slack.Bytes("signing_example.slack_docs.body.txt");

    // A verifier whose clock reads the example's own timestamp.
    private readonly SlackRequestVerifier _verifier = new(Secret, ClockAt(1531420618));

    private static FakeTimeProvider ClockAt(long unixSeconds) => new(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

    private static string Sign(string secret, string timestamp, byte[] body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var hash = hmac.ComputeHash([.. Encoding.ASCII.GetBytes($"v0:{timestamp}:"), .. body]);
        return "v0=" + Convert.ToHexStringLower(hash);
    }

    [Fact]
    public void Slacks_documented_example_is_valid_and_yields_its_timestamp()
    {
        var descriptor = Fixtures.Slack.Json("signing_example.slack_docs.json").GetProperty("headers");
        var result = _verifier.Verify(
            descriptor.GetProperty("X-Slack-Request-Timestamp").GetString(), descriptor.GetProperty("X-Slack-Signature").GetString(), Body);

        Assert.Equal(SlackVerification.Valid, result.Outcome);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1531420618), result.Timestamp);
    }

    [Fact]
    public void Uppercase_hex_is_the_same_signature()
    {
        Assert.True(_verifier.Verify(Timestamp, "v0=" + Signature[3..].ToUpperInvariant(), Body).IsValid);
    }

    [Theory]
    [InlineData(-301, nameof(SlackVerification.FutureTimestamp))] // clock is 301 s before the signature
    [InlineData(301, nameof(SlackVerification.StaleTimestamp))]
    [InlineData(-300, nameof(SlackVerification.Valid))]
    [InlineData(300, nameof(SlackVerification.Valid))]
    [InlineData(86_400, nameof(SlackVerification.StaleTimestamp))]
    public void Only_a_timestamp_within_five_minutes_either_way_passes(long clockOffsetSeconds, string expected)
    {
        var verifier = new SlackRequestVerifier(Secret, ClockAt(1531420618 + clockOffsetSeconds));

        Assert.Equal(expected, verifier.Verify(Timestamp, Signature, Body).Outcome.ToString());
    }

    [Fact]
    public void The_signature_of_another_body_is_refused()
    {
        var other = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("text=", "text=start", StringComparison.Ordinal));

        Assert.Equal(SlackVerification.SignatureMismatch, _verifier.Verify(Timestamp, Signature, other).Outcome);
    }

    [Fact]
    public void A_signature_made_for_another_timestamp_is_refused()
    {
        Assert.Equal(SlackVerification.SignatureMismatch, _verifier.Verify("1531420619", Signature, Body).Outcome);
    }

    [Fact]
    public void A_request_signed_with_another_secret_is_refused()
    {
        var verifier = new SlackRequestVerifier("another-secret", ClockAt(1531420618));

        Assert.Equal(SlackVerification.SignatureMismatch, verifier.Verify(Timestamp, Signature, Body).Outcome);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Without_a_configured_secret_every_request_is_refused(string? secret)
    {
        var verifier = new SlackRequestVerifier(secret, ClockAt(1531420618));

        Assert.Equal(SlackVerification.NoSigningSecret, verifier.Verify(Timestamp, Signature, Body).Outcome);
        Assert.Equal(SlackVerification.NoSigningSecret, verifier.Verify(Timestamp, Sign("", Timestamp, Body), Body).Outcome);
    }

    [Theory]
    [InlineData(null, Signature, nameof(SlackVerification.MissingTimestamp))]
    [InlineData("", Signature, nameof(SlackVerification.MissingTimestamp))]
    [InlineData("abc", Signature, nameof(SlackVerification.MalformedTimestamp))]
    [InlineData("-1531420618", Signature, nameof(SlackVerification.MalformedTimestamp))]
    [InlineData(" 1531420618", Signature, nameof(SlackVerification.MalformedTimestamp))]
    [InlineData("1531420618.5", Signature, nameof(SlackVerification.MalformedTimestamp))]
    [InlineData("99999999999999999999999", Signature, nameof(SlackVerification.MalformedTimestamp))]
    [InlineData(Timestamp, null, nameof(SlackVerification.MissingSignature))]
    [InlineData(Timestamp, "", nameof(SlackVerification.MissingSignature))]
    [InlineData(Timestamp, "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", nameof(SlackVerification.UnsupportedSignatureVersion))]
    [InlineData(Timestamp, "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", nameof(SlackVerification.UnsupportedSignatureVersion))]
    [InlineData(Timestamp, "v0=", nameof(SlackVerification.MalformedSignature))]
    [InlineData(Timestamp, "v0=zz114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", nameof(SlackVerification.MalformedSignature))]
    [InlineData(Timestamp, "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b5", nameof(SlackVerification.MalformedSignature))]
    [InlineData(Timestamp, "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50300", nameof(SlackVerification.MalformedSignature))]
    public void A_missing_or_malformed_timestamp_or_signature_is_refused(string? timestamp, string? signature, string expected)
    {
        Assert.Equal(expected, _verifier.Verify(timestamp, signature, Body).Outcome.ToString());
    }

    [Fact]
    public void An_empty_body_is_checked_like_any_other()
    {
        Assert.Equal(SlackVerification.SignatureMismatch, _verifier.Verify(Timestamp, Signature, []).Outcome);
        Assert.True(_verifier.Verify(Timestamp, Sign(Secret, Timestamp, []), []).IsValid);
    }
}
