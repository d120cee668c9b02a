using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ScribeBot.Tests.Web;

public sealed class LoopbackOnlyTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "scribebot-web-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_request_not_from_loopback_gets_403_from_the_markdown_download()
    {
        // The in-memory test server has no remote address, like a request the host cannot place as local.
        await using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(host => host.UseSetting("Storage:LiteDb:Path", Path.Combine(_directory, "scribebot.db")));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/incidents/teams%3At%3A1/postmortem.md", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
