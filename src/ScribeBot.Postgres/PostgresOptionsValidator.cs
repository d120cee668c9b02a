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

        if (options.OutboxLease < TimeSpan.FromSeconds(30) || options.OutboxLease > TimeSpan.FromHours(1))
        {
            return ValidateOptionsResult.Fail(
                $"{PostgresOptions.SectionName}:{nameof(PostgresOptions.OutboxLease)} must be from 00:00:30 to 01:00:00, e.g. 00:02:00 (longer than a delivery attempt takes).");
        }

        if (options.StartupTimeout < TimeSpan.Zero || options.StartupTimeout > TimeSpan.FromMinutes(10))
        {
            return ValidateOptionsResult.Fail(
                $"{PostgresOptions.SectionName}:{nameof(PostgresOptions.StartupTimeout)} must be from 00:00:00 (try once) to 00:10:00, e.g. 00:00:30.");
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
