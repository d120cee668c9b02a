using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ScribeBot.Tests.Hosting;

public sealed class HealthTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "scribebot-health-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Healthz_answers_healthy_once_the_store_is_open_and_its_directory_exists()
    {
        var path = Path.Combine(_directory, "nested", "scribebot.db");
        await using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(host => host.UseSetting("Storage:LiteDb:Path", path));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.True(File.Exists(path), $"the store should have created {path}");
    }

    [Fact]
    public async Task An_invalid_time_zone_stops_the_host_at_start_naming_the_key()
    {
        await using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(host => host
                .UseSetting("Storage:LiteDb:Path", Path.Combine(_directory, "scribebot.db"))
                .UseSetting("Scribe:TimeZone", "Mars/Olympus"));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Scribe:TimeZone is 'Mars/Olympus'", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
