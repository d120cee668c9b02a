namespace ScribeBot.Core.Tests.Text;

public sealed class ChatTextLayoutTests
{
    [Fact]
    public void A_newline_ends_a_line_and_an_empty_line_ends_a_group_keeping_each_runs_style()
    {
        var text = new ChatTextBuilder().Strong("Title").EndLine().Code("a\nb").Plain(" - c").EndGroup().Plain("d").EndLine().Build();

        var groups = ChatTextLayout.Groups(text);

        Assert.Equal(2, groups.Count);
        Assert.Equal(["Title", "a", "b - c"], groups[0].Select(line => line.ToPlainString()));
        Assert.Equal(RunStyle.Strong, Assert.Single(groups[0][0].Runs).Style);
        Assert.Equal([RunStyle.Code, RunStyle.Plain], groups[0][2].Runs.Select(run => run.Style));
        Assert.Equal(["d"], groups[1].Select(line => line.ToPlainString()));
    }

    [Fact]
    public void Text_without_newlines_is_one_line_and_empty_text_has_no_group()
    {
        Assert.Equal("one line", Assert.Single(Assert.Single(ChatTextLayout.Groups(ChatText.Of("one line")))).ToPlainString());
        Assert.Empty(ChatTextLayout.Groups(ChatText.Of("\n\n\n")));
        Assert.False(ChatTextLayout.HasLines(ChatText.Of("one line")));
    }
}
