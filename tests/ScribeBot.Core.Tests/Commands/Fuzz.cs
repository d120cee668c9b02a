using System.Text;

namespace ScribeBot.Core.Tests.Commands;

/// <summary>What the parser's fuzz tests share: the call that must never throw, and raw UTF-16 input.</summary>
internal static class Fuzz
{
    /// <summary>
    /// Parses <paramref name="input"/>. If the parser throws, the test fails naming the input as
    /// <paramref name="describe"/> tells it, so the failure can be reproduced.
    /// </summary>
    public static CommandParseResult Parse(string input, Func<string> describe)
    {
        try
        {
            return CommandParser.Parse(input);
        }
        catch (Exception exception)
        {
            Assert.Fail($"Parse threw {exception.GetType().Name} for {describe()}: {exception.Message}");
            throw;
        }
    }

    /// <summary>
    /// Appends from 1 to <paramref name="maxCount"/> - 1 random UTF-16 code units below <paramref name="below"/>
    /// (lone surrogates and control characters included).
    /// </summary>
    public static void AppendRandomUnits(this StringBuilder builder, Random random, int maxCount, int below)
    {
        for (var c = random.Next(1, maxCount); c > 0; c--)
        {
            builder.Append((char)random.Next(0, below));
        }
    }
}
