using System.Globalization;

namespace ScribeBot.Postgres.Tests.Postgres;

/// <summary>
/// The <c>Storage:Postgres</c> durations are refused at start outside their range: <c>OutboxLease</c> when it cannot
/// outlast a delivery or is absurdly long, <c>StartupTimeout</c> when negative or longer than ten minutes.
/// </summary>
public sealed class PostgresDurationSettingTests
{
    [Theory]
    [InlineData(nameof(PostgresOptions.OutboxLease), "00:00:29", "Storage:Postgres:OutboxLease must be from 00:00:30 to 01:00:00")]
    [InlineData(nameof(PostgresOptions.OutboxLease), "00:00:30", null)]
    [InlineData(nameof(PostgresOptions.OutboxLease), "00:02:00", null)]
    [InlineData(nameof(PostgresOptions.OutboxLease), "01:00:00", null)]
    [InlineData(nameof(PostgresOptions.OutboxLease), "01:00:01", "Storage:Postgres:OutboxLease must be from 00:00:30 to 01:00:00")]
    [InlineData(nameof(PostgresOptions.StartupTimeout), "-00:00:01", "Storage:Postgres:StartupTimeout must be from 00:00:00 (try once) to 00:10:00")]
    [InlineData(nameof(PostgresOptions.StartupTimeout), "00:00:00", null)]
    [InlineData(nameof(PostgresOptions.StartupTimeout), "00:00:30", null)]
    [InlineData(nameof(PostgresOptions.StartupTimeout), "00:10:00", null)]
    [InlineData(nameof(PostgresOptions.StartupTimeout), "00:10:01", "Storage:Postgres:StartupTimeout must be from 00:00:00 (try once) to 00:10:00")]
    public void A_duration_outside_its_range_is_refused_with_the_range(string setting, string value, string? refusal)
    {
        var options = With(setting, TimeSpan.Parse(value, CultureInfo.InvariantCulture));

        var result = new PostgresOptionsValidator().Validate(null, options);

        Assert.Equal(refusal is null, result.Succeeded);
        if (refusal is not null)
        {
            Assert.Contains(refusal, result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_default_lease_is_two_minutes_and_the_default_startup_timeout_30_seconds()
    {
        Assert.Equal(TimeSpan.FromMinutes(2), new PostgresOptions().OutboxLease);
        Assert.Equal(TimeSpan.FromSeconds(30), new PostgresOptions().StartupTimeout);
    }

    /// <summary>Options with a valid connection string and <paramref name="setting"/> at <paramref name="value"/>.</summary>
    private static PostgresOptions With(string setting, TimeSpan value) => setting switch
    {
        nameof(PostgresOptions.OutboxLease) => new PostgresOptions { ConnectionString = "Host=db;Database=scribebot", OutboxLease = value },
        nameof(PostgresOptions.StartupTimeout) => new PostgresOptions { ConnectionString = "Host=db;Database=scribebot", StartupTimeout = value },
        _ => throw new ArgumentOutOfRangeException(nameof(setting), setting, "not a duration setting"),
    };
}
