using Microsoft.Extensions.Options;
using Npgsql;

namespace ScribeBot.Postgres;

/// <summary>Refuses to start without a usable connection string, in one line naming the key.</summary>
internal sealed class PostgresOptionsValidator : IValidateOptions<PostgresOptions>
{
    private const string Key = PostgresOptions.SectionName + ":" + nameof(PostgresOptions.ConnectionString);

    public ValidateOptionsResult Validate(string? name, PostgresOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{Key} is empty; Storage:Provider is Postgres, so give a connection string (e.g. Host=db;Database=scribebot;Username=scribebot).");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException e)
        {
            // The message names the bad keyword, never the rest of the string (it may hold a password).
            return ValidateOptionsResult.Fail($"{Key} is not a valid connection string: {e.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}
