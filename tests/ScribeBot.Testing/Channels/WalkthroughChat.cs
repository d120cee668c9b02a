namespace ScribeBot.Testing.Channels;

/// <summary>
/// The channel talk of the whole-incident walkthrough that each chat platform's end-to-end test replays: twenty
/// messages, the telling ones written out and the rest chatter, so every platform is checked against the same story.
/// </summary>
public static class WalkthroughChat
{
    /// <summary>The sections every walkthrough's draft carries.</summary>
    public static readonly IReadOnlyList<string> DraftHeadings =
        ["Issue Summary", "Timeline", "Root Cause and Resolution", "Corrective and Preventative Measures"];

    /// <summary>The text of message <paramref name="i"/>, counted from 1.</summary>
    public static string Text(int i) => i switch
    {
        1 => "5xx alert firing on checkout-api",
        3 => "gateway logs show upstream timeouts",
        4 => "payments p99 is 3s",
        5 => "confirmed, timeouts started 14:55",
        7 => "lunch order anyone?",
        9 => "rolling back the WAF rule",
        10 => "could it be the Stripe EU degradation?",
        12 => "payments-api pool size is 5, should be 50",
        18 => "rollback done, errors back to baseline",
        _ => $"chatter {i.ToString(CultureInfo.InvariantCulture)}",
    };
}
