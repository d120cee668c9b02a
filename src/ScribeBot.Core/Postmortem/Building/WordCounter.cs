using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Postmortem.Building;

/// <summary>
/// Counts the words a reader reads in the sections: paragraphs, list items and timeline lines. Headings,
/// link labels and placeholders are left out (they are structure or not yet written). A word is a
/// whitespace-separated token with at least one letter or digit, so a lone "-" is not a word.
/// </summary>
internal static class WordCounter
{
    public static int Count(IEnumerable<PostmortemSection> sections)
    {
        var words = 0;
        foreach (var block in sections.SelectMany(s => s.Blocks))
        {
            switch (block)
            {
                case ParagraphBlock paragraph:
                    words += Count(paragraph.Text);
                    break;
                case BulletListBlock list:
                    words += list.Items.Sum(Count);
                    break;
                case TimelineBlock timeline:
                    foreach (var item in timeline.Items)
                    {
                        words += Count(item.TimeLabel) + Count(item.Kind) + Count(item.Author?.DisplayName) + Count(item.Text);
                    }

                    break;
            }
        }

        return words;
    }

    private static int Count(ChatText text)
    {
        var words = 0;
        foreach (var run in text.Runs)
        {
            if (run.Style is not (RunStyle.Placeholder or RunStyle.Link))
            {
                words += Count(run.Text);
            }
        }

        return words;
    }

    internal static int Count(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        var words = 0;
        var inWord = false;
        var hasAlphanumeric = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (inWord && hasAlphanumeric)
                {
                    words++;
                }

                inWord = hasAlphanumeric = false;
            }
            else
            {
                inWord = true;
                hasAlphanumeric |= char.IsLetterOrDigit(c);
            }
        }

        return inWord && hasAlphanumeric ? words + 1 : words;
    }
}
