using System.Globalization;
using System.Text;

namespace ScribeBot.Core.Tests.Commands;

/// <summary>
/// Thousands of generated command lines - real verbs and aliases, mentions, times, severities, odd Unicode, long runs -
/// from a fixed seed, so a failure names the input and reproduces. Whatever arrives, Parse answers with a command or a
/// short, readable reason.
/// </summary>
public sealed class CommandParserPropertyTests
{
    private const int Iterations = 20_000;
    private const int MaxErrorLength = 400;

    private static readonly string[] Verbs =
    [
        "start", "ack", "acknowledge", "detected", "began", "users", "escalate", "misleading", "action", "note", "rootcause",
        "root-cause", "resolution", "improve", "todo", "task", "severity", "sev", "commander", "tz", "timezone", "status",
        "timeline", "resolve", "postmortem", "postmortem-draft", "reopen", "help", "stats", "START", "Sev", "stop", "",
    ];

    private static readonly string[] Pieces =
    [
        "sev1", "sev2", "SEV4", "sev0", "sev99", "sev", "3", "-1", "14:02", "9:05", "24:00", "23:59", "at", "at 14:02", "00:00",
        "99:99", "<@U123ABC>", "<@U123|Priya Raman>", "<@", "<at>Priya Raman</at>", "<at>", "</at>", "<!channel>", "@here",
        "Europe/Berlin", "America/New_York", "Not/AZone", "UTC", "+05:30", "days", "7", "3650", "3651", "99999999999999999999",
        "Checkout", "returns", "502", "for", "by", "\u202E", "\u200B", "\u200D", "\uFEFF", "\u0000", "\t", "\n", "\r\n", "  ",
        "\U0001F525", "e\u0301", "\u05D0\u05D1", "\uD800", "\uDFFF", "%", "{", "}", "\"", "\\", "'", "`", "*bold*", "<b>",
    ];

    private static readonly string[] Invisible = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u202E", "\u200F", " ", "\u0007"];

    [Fact]
    public void Parse_never_throws_and_answers_a_command_or_a_short_reason()
    {
        var random = new Random(20261124);
        for (var i = 0; i < Iterations; i++)
        {
            var input = Generate(random);
            var result = Fuzz.Parse(input, () => $"case {i.ToString(CultureInfo.InvariantCulture)}: {Describe(input)}");
            if (result.Succeeded)
            {
                Assert.Null(result.Error);
                if (result.Command is StartCommand start)
                {
                    Assert.InRange(start.Title.Length, 1, CommandParser.MaxTitleLength);
                    Assert.True(Shows(start.Title), $"an invisible title from {Describe(input)}");
                }
                else if (result.Command is EventCommand note)
                {
                    Assert.InRange(note.Text.Length, 1, CommandParser.MaxTextLength);
                    Assert.True(Shows(note.Text), $"an invisible text from {Describe(input)}");
                }

                continue;
            }

            Assert.False(string.IsNullOrWhiteSpace(result.Error), $"empty reason for {Describe(input)}");
            Assert.True(result.Error.Length <= MaxErrorLength, $"a {result.Error.Length}-character reason for {Describe(input)}: {result.Error[..Math.Min(80, result.Error.Length)]}");
            if (IsWellFormed(input))
            {
                Assert.True(IsWellFormed(result.Error), $"the reason has half a character for {Describe(input)}: {result.Error}");
            }
        }
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(100_000)]
    public void Every_verb_with_a_huge_argument_is_refused_briefly_or_accepted_within_limits(int length)
    {
        var random = new Random(length);
        foreach (var verb in Verbs)
        {
            var argument = string.Concat(Enumerable.Range(0, length / 8).Select(_ => Pieces[random.Next(Pieces.Length)][..1] + "abcdefg"));
            var result = CommandParser.Parse(verb + " " + argument);
            Assert.True(
                result.Succeeded || result.Error.Length <= MaxErrorLength,
                $"{verb}: a {result.Error?.Length}-character reason");
        }
    }

    private static string Generate(Random random)
    {
        var builder = new StringBuilder();
        if (random.Next(4) == 0)
        {
            builder.Append(Pieces[random.Next(Pieces.Length)]).Append(' ');
        }

        builder.Append(Verbs[random.Next(Verbs.Length)]);
        var parts = random.Next(8);
        for (var p = 0; p < parts; p++)
        {
            builder.Append(random.Next(6) == 0 ? "" : " ");
            switch (random.Next(12))
            {
                case 10:
                    // Text that shows nothing: is it a title?
                    for (var c = random.Next(1, 6); c > 0; c--)
                    {
                        builder.Append(Invisible[random.Next(Invisible.Length)]);
                    }

                    break;
                case 11:
                    // Astral characters (two chars each) where an echo is cut, to catch one cut between the two.
                    builder.Append(random.Next(2) == 0 ? "x" : "").Append(string.Concat(Enumerable.Repeat("\U0001F525", random.Next(15, 30))));
                    break;
                case 0:
                    builder.Append(random.Next(2) == 0 ? 'x' : '\u200B', random.Next(1, random.Next(5) == 0 ? 5_000 : 300));
                    break;
                case 1:
                    builder.AppendRandomUnits(random, 40, 0x10000);
                    break;
                case 2:
                    builder.Append(random.Next(0, 100).ToString(CultureInfo.InvariantCulture)).Append(':')
                        .Append(random.Next(0, 100).ToString("00", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(Pieces[random.Next(Pieces.Length)]);
                    break;
            }
        }

        return builder.ToString();
    }

    private static bool Shows(string text) =>
        text.Any(c => !char.IsWhiteSpace(c) && !char.IsControl(c) && char.GetUnicodeCategory(c) != UnicodeCategory.Format);

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Describe(string input) =>
        input.Length <= 120 ? $"\"{input}\"" : $"{input.Length.ToString(CultureInfo.InvariantCulture)} characters starting \"{input[..120]}\"";
}
