using System.Globalization;

namespace ScribeBot.Postgres.Tests.Postgres;

/// <summary><c>Storage:Postgres:OutboxLease</c> is refused at start when it cannot outlast a delivery, or is absurdly long.</summary>
public sealed class OutboxLeaseSettingTests
{
    [Theory]
    [InlineData("00:00:29", false)]
    [InlineData("00:00:30", true)]
    [InlineData("00:02:00", true)]
    [InlineData("01:00:00", true)]
    [InlineData("01:00:01", false)]
    public void The_lease_must_be_from_30_seconds_to_an_hour(string lease, bool valid)
    {
        var options = new PostgresOptions { ConnectionString = "Host=db;Database=scribebot", OutboxLease = TimeSpan.Parse(lease, CultureInfo.InvariantCulture) };

        var result = new PostgresOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Storage:Postgres:OutboxLease must be from 00:00:30 to 01:00:00", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_default_lease_is_two_minutes() => Assert.Equal(TimeSpan.FromMinutes(2), new PostgresOptions().OutboxLease);
}
