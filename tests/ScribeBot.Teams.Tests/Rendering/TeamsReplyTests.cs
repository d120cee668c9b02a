using ScribeBot.Testing.Replies;

namespace ScribeBot.Teams.Tests.Rendering;

/// <summary><c>help</c> and <c>status</c> in Teams HTML: a paragraph per group, a line break per line (issue 15, item 4).</summary>
public sealed class TeamsReplyTests
{
    [Fact]
    public void Help_is_a_paragraph_per_group_with_one_command_per_line()
    {
        var paragraphs = ParagraphLines(Assert.Single(TeamsMessages.Announcement(ReplySamples.Help())));

        Assert.Equal(ReplySamples.HelpLinesPerGroup(), paragraphs.Select(lines => lines.Length));
        Assert.Equal("<b>Lifecycle</b>", paragraphs[1][0]);
        Assert.All(paragraphs.Skip(1).SelectMany(lines => lines.Skip(1)), line => Assert.StartsWith("<code>/incident ", line, StringComparison.Ordinal));
    }

    [Fact]
    public void Status_is_one_fact_per_line_and_its_hostile_text_stays_literal()
    {
        var message = Assert.Single(TeamsMessages.Announcement(ReplySamples.Status()));
        var paragraphs = ParagraphLines(message);

        ReplySamples.AssertStatusLines(paragraphs);
        Assert.DoesNotContain("<b>x</b>", message, StringComparison.Ordinal);
        Assert.DoesNotContain("@channel", message, StringComparison.Ordinal);
        Assert.DoesNotContain("@here", message, StringComparison.Ordinal);
        _ = XElement.Parse("<root>" + message.Replace("<br/>", "<br></br>", StringComparison.Ordinal) + "</root>");
    }

    private static List<string[]> ParagraphLines(string html) =>
        html.Split("</p>", StringSplitOptions.RemoveEmptyEntries)
            .Select(paragraph => paragraph.StartsWith("<p>", StringComparison.Ordinal) ? paragraph[3..] : throw new InvalidOperationException(paragraph))
            .Select(paragraph => paragraph.Split(TeamsHtml.LineBreak))
            .ToList();
}
