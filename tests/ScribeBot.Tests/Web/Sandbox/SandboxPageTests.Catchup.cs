namespace ScribeBot.Tests.Web.Sandbox;

public sealed partial class SandboxPageTests
{
    [Fact]
    public async Task Catchup_is_a_private_reply_with_what_was_tagged_since_the_caller_last_spoke()
    {
        using var alice = await JoinAsync("Alice Ng");
        using var bo = await JoinAsync("Bo Chen");
        await alice.SayAsync("/incident start Checkout returns 502 sev2");
        await bo.SayAsync("I'm looking at the gateway");
        await alice.SayAsync("/incident action rolled back the WAF rule");
        await alice.SayAsync("/incident update WAF rule rolled back, errors dropping");

        await bo.SayAsync("/incident catchup");

        var reply = await bo.WaitForAsync("Bo Chen", item => item.Kind == SandboxItemKind.Reply && item.Html!.Contains("Tagged since", StringComparison.Ordinal));
        Assert.Equal("Bo Chen", reply.VisibleTo);
        var text = Html.Text(reply.Html!);
        Assert.Contains("INC-1: Checkout returns 502", text, StringComparison.Ordinal);
        Assert.Contains("Latest update: WAF rule rolled back, errors dropping", text, StringComparison.Ordinal);
        Assert.Contains("(2 events)", text, StringComparison.Ordinal);
        Assert.Contains("rolled back the WAF rule (Alice Ng)", text, StringComparison.Ordinal);
        Assert.Contains("The postmortem still lacks:", text, StringComparison.Ordinal);
        Assert.DoesNotContain(alice.Feed.Read(SandboxSession.Channel, "Alice Ng").Items, item => item.Id == reply.Id);
    }
}
