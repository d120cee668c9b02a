namespace ScribeBot.Tests.Hosting;

/// <summary>A command-line verb (<c>purge</c>, <c>migrate</c>, <c>migrate-store</c>) run in-process as <c>Program</c> runs it.</summary>
internal static class VerbRun
{
    /// <summary>Runs <paramref name="verb"/> on captured standard output and error; what it wrote comes back with <c>\n</c> line ends.</summary>
    public static async Task<(int Exit, string Output, string Errors)> RunAsync(Func<TextWriter, TextWriter, Task<int>> verb)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await verb(output, errors);
        return (exit, output.ToString().ReplaceLineEndings("\n"), errors.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>
    /// Asserts how a verb refuses arguments it cannot take: exit code <paramref name="badInput"/>, nothing on standard
    /// output, and on standard error <c>verb: reason</c> followed by the verb's usage.
    /// </summary>
    public static void AssertUsageError((int Exit, string Output, string Errors) run, int badInput, string verb, string error, string usage)
    {
        Assert.Equal(badInput, run.Exit);
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal($"{verb}: {error}\n{usage}\n", run.Errors);
    }
}
