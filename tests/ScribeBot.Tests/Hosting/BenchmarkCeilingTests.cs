using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ScribeBot.Tests.Hosting;

/// <summary>The ingest benchmark's bare endpoint exists only when asked for.</summary>
public sealed class BenchmarkCeilingTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "scribebot-ceiling-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData(null, HttpStatusCode.NotFound)]
    [InlineData("false", HttpStatusCode.NotFound)]
    [InlineData("true", HttpStatusCode.OK)]
    public async Task The_ceiling_endpoint_answers_only_when_the_setting_turns_it_on(string? setting, HttpStatusCode expected)
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("Storage:LiteDb:Path", Path.Combine(_directory, "scribebot.db"));
            if (setting is not null)
            {
                host.UseSetting("Diagnostics:CeilingEndpoint", setting);
            }
        });
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/bench/ceiling", UriKind.Relative), new StringContent("{}"));

        Assert.Equal(expected, response.StatusCode);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
