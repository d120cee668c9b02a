using Microsoft.AspNetCore.Http;

namespace ScribeBot.Alerts.Endpoint;

/// <summary>Reads a request body up to a limit, never buffering more: a longer body is refused without reading the rest.</summary>
internal static class BoundedBody
{
    /// <summary>The whole body, or null when it is (or announces itself) longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        // A chunked body has no length to check first: count as it arrives.
        using var buffer = new MemoryStream((int)(request.ContentLength ?? 16 * 1024));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
