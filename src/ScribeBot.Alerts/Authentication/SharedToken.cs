using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ScribeBot.Alerts.Authentication;

/// <summary>
/// Checks a shared token, wherever the source's UI lets it be put: <c>Authorization: Bearer &lt;token&gt;</c> (the
/// Alertmanager and Grafana default), the password of <c>Authorization: Basic</c> (any user name), or
/// <c>X-ScribeBot-Token</c> (an Opsgenie custom header). Tokens are compared as SHA-256 digests in constant time, so
/// neither the content nor the length of ours leaks through timing.
/// </summary>
internal sealed class SharedToken(string token)
{
    public const string HeaderName = "X-ScribeBot-Token";

    private readonly byte[] _digest = SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public AlertAuthentication Verify(IHeaderDictionary headers)
    {
        var candidates = Candidates(headers).ToList();
        if (candidates.Count == 0)
        {
            return AlertAuthentication.MissingCredentials;
        }

        var matched = false;
        foreach (var candidate in candidates)
        {
            matched |= CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(candidate)), _digest);
        }

        return matched ? AlertAuthentication.Accepted : AlertAuthentication.WrongCredentials;
    }

    private static IEnumerable<string> Candidates(IHeaderDictionary headers)
    {
        foreach (var value in headers[HeaderNames.Authorization])
        {
            if (SplitScheme(value) is not ({ } scheme, { } parameter))
            {
                continue;
            }

            if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            {
                yield return parameter;
            }
            else if (scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) && BasicPassword(parameter) is { } password)
            {
                yield return password;
            }
        }

        foreach (var value in headers[HeaderName])
        {
            if (!string.IsNullOrEmpty(value))
            {
                yield return value;
            }
        }
    }

    private static (string Scheme, string Parameter)? SplitScheme(string? value)
    {
        var space = value?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
        return space > 0 ? (value![..space], value[(space + 1)..].Trim()) : null;
    }

    /// <summary>The part after the first colon of <c>user:password</c> in base64; null when it is not that.</summary>
    private static string? BasicPassword(string encoded)
    {
        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, bytes, out var written))
        {
            return null;
        }

        var pair = Encoding.UTF8.GetString(bytes, 0, written);
        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? pair[(colon + 1)..] : null;
    }
}
