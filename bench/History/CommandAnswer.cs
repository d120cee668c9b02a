namespace ScribeBot.Bench.History;

/// <summary>
/// Whether the host did what a request asked. An accepted <c>start</c>, <c>ack</c> or <c>resolve</c> and a captured
/// event answer 200 with nothing to show the caller; a refusal ("already open", "no open incident") comes back as an
/// ephemeral reply, so an answer with a body means the history is not what the benchmark thinks it is.
/// </summary>
internal static class CommandAnswer
{
    public static void EnsureSilentOk(int status, string body, string what)
    {
        if (status != 200 || body.Length > 0)
        {
            throw new InvalidOperationException($"{what} answered {status}: {Shorten(body)}");
        }
    }

    public static void EnsureReply(int status, string body, string what)
    {
        if (status != 200 || !body.Contains("\"ephemeral\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{what} answered {status} without a reply: {Shorten(body)}");
        }
    }

    private static string Shorten(string body) => body.Length <= 400 ? body : body[..400] + "…";
}
