using Microsoft.Extensions.Options;

namespace ScribeBot.LiteDb;

/// <summary>
/// Refuses to start with store settings out of range, one sentence per key naming the key and its allowed form. It
/// replaces data-annotation validation, whose messages name the property only ("'WriteTimeout' with the error...")
/// and not the setting an operator types.
/// </summary>
internal sealed class LiteDbOptionsValidator : IValidateOptions<LiteDbOptions>
{
    private const string Prefix = LiteDbOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, LiteDbOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add($"{Prefix}Path is empty; give the data file's path (e.g. data/scribebot.db).");
        }

        CheckSpan(failures, nameof(LiteDbOptions.CheckpointInterval), options.CheckpointInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), "00:05:00");
        CheckSpan(failures, nameof(LiteDbOptions.WriteTimeout), options.WriteTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10), "00:00:10");
        CheckCount(failures, nameof(LiteDbOptions.AutoCheckpointPages), options.AutoCheckpointPages);
        CheckCount(failures, nameof(LiteDbOptions.MaxBatchSize), options.MaxBatchSize);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckSpan(List<string> failures, string key, TimeSpan value, TimeSpan least, TimeSpan most, string example)
    {
        if (value < least || value > most)
        {
            failures.Add($"{Prefix}{key} is {value}; it must be between {least} and {most} (hh:mm:ss, e.g. {example}).");
        }
    }

    private static void CheckCount(List<string> failures, string key, int value)
    {
        if (value is < 1 or > 100_000)
        {
            failures.Add($"{Prefix}{key} is {value}; it must be a whole number between 1 and 100000.");
        }
    }
}
