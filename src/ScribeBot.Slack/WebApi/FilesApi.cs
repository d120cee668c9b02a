using System.Globalization;
using System.Text.Json.Nodes;
using ScribeBot.Core.Text;
using ScribeBot.Slack.Events;

namespace ScribeBot.Slack.WebApi;

/// <summary>The <c>files.*</c> methods. Every step is sent once: a retried upload could share the file twice.</summary>
internal sealed class FilesApi(SlackApiTransport transport)
{
    /// <summary>Slack's documented bound on <c>alt_txt</c> (longer is refused with <c>alt_txt_too_large</c>).</summary>
    internal const int MaxAltTextChars = 1000;

    /// <summary>
    /// Uploads a file into a channel (or a thread) the way Slack now requires: <c>files.getUploadURLExternal</c>,
    /// the bytes to the returned URL, then <c>files.completeUploadExternal</c> to share it. The file's id.
    /// </summary>
    public Task<SlackApiResult<string>> UploadAsync(
        string channel,
        string? threadTs,
        string filename,
        string title,
        ReadOnlyMemory<byte> content,
        string? initialComment,
        CancellationToken cancellationToken) =>
        UploadAsync(channel, threadTs, filename, title, content, initialComment, altText: null, cancellationToken);

    /// <summary>
    /// As above, for an image: <paramref name="altText"/> is what a screen reader says for it (Slack's <c>alt_txt</c>,
    /// given when the upload URL is asked for; Slack refuses more than <see cref="MaxAltTextChars"/> characters).
    /// </summary>
    public async Task<SlackApiResult<string>> UploadAsync(
        string channel,
        string? threadTs,
        string filename,
        string title,
        ReadOnlyMemory<byte> content,
        string? initialComment,
        string? altText,
        CancellationToken cancellationToken)
    {
        var length = content.Length.ToString(CultureInfo.InvariantCulture);
        List<(string, string)> form = [("filename", filename), ("length", length)];
        if (!string.IsNullOrEmpty(altText))
        {
            form.Add(("alt_txt", TextShortener.ShortenWithin(altText, MaxAltTextChars)));
        }

        var target = await transport.CallAsync(
            "files.getUploadURLExternal",
            () => SlackApiRequest.PostForm("files.getUploadURLExternal", [.. form]),
            SlackApiRetry.Never,
            root => root.String("upload_url") is { } url && root.String("file_id") is { } id
                    && Uri.TryCreate(url, UriKind.Absolute, out var uri)
                ? new UploadTarget(uri, id)
                : null,
            cancellationToken).ConfigureAwait(false);
        if (!target.IsOk)
        {
            return target.Failure<string>();
        }

        var uploaded = await transport.UploadAsync(target.Value.Url, content, cancellationToken).ConfigureAwait(false);
        if (!uploaded.IsOk)
        {
            return uploaded.Failure<string>();
        }

        var complete = new JsonObject
        {
            ["files"] = new JsonArray(new JsonObject { ["id"] = target.Value.FileId, ["title"] = title }),
            ["channel_id"] = channel,
        };
        if (!string.IsNullOrEmpty(threadTs))
        {
            complete["thread_ts"] = threadTs;
        }

        if (!string.IsNullOrEmpty(initialComment))
        {
            complete["initial_comment"] = initialComment;
        }

        var fileId = target.Value.FileId;
        return await transport.CallAsync("files.completeUploadExternal",
            () => SlackApiRequest.PostJson("files.completeUploadExternal", complete),
            SlackApiRetry.Never, _ => fileId, cancellationToken).ConfigureAwait(false);
    }

    private sealed record UploadTarget(Uri Url, string FileId);
}
