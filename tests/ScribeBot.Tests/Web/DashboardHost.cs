using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Chat;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Tests.Web;

/// <summary>
/// The real host on a real socket (Kestrel on 127.0.0.1, port 0, so requests come from loopback and pass the
/// Dashboard policy) with a temp data file and a fixed clock. Incidents are made the way chat makes them: commands
/// through the host's <see cref="CommandHandler"/>, messages, edits, deletes and tags through its
/// <see cref="TimelineCapture"/>.
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    /// <summary>"Now" for the host: Friday, Mar 20, 2026, 12:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);

    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _directory;
    private int _requests;

    private DashboardHost(WebApplicationFactory<Program> factory, HttpClient client, string directory)
    {
        _factory = factory;
        Client = client;
        _directory = directory;
    }

    public HttpClient Client { get; }

    public IIncidentStore Store => Services<IIncidentStore>();

    public T Services<T>()
        where T : notnull => _factory.Services.GetRequiredService<T>();

    public static Task<DashboardHost> StartAsync(string timeZone = "Europe/Berlin")
    {
        var directory = Path.Combine(Path.GetTempPath(), "scribebot-dashboard-" + Guid.NewGuid().ToString("N"));
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseSetting("Storage:LiteDb:Path", Path.Combine(directory, "scribebot.db"))
            .UseSetting("Scribe:TimeZone", timeZone)
            .UseSetting("Slack:SigningSecret", "")
            .UseSetting("Slack:BotToken", "")
            .UseSetting("MicrosoftAppType", "")
            .UseSetting("MicrosoftAppId", "")
            .UseSetting("MicrosoftAppPassword", "")
            .UseSetting("MicrosoftAppTenantId", "")
            .ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now))));
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var client = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
        return Task.FromResult(new DashboardHost(factory, client, directory));
    }

    /// <summary>Runs an <c>/incident</c> command and asserts it was accepted; returns the incident it touched.</summary>
    public async Task<Incident> RunAsync(ChannelRef channel, Person caller, string text, DateTimeOffset at)
    {
        var outcome = await Services<CommandHandler>().HandleAsync(new CommandRequest
        {
            Channel = channel,
            Caller = caller,
            Text = text,
            At = at,
            RequestId = $"cmd-{Interlocked.Increment(ref _requests)}",
        }, CancellationToken.None);
        Assert.True(outcome.Accepted, $"'{text}': {outcome.Reply.ToPlainString()}");
        return outcome.Incident!;
    }

    public async Task SayAsync(ChannelRef channel, string messageId, Person author, string text, DateTimeOffset at, string? permalink = null, string? thread = null)
    {
        var result = await Services<TimelineCapture>().RecordAsync(new ChatMessage
        {
            Channel = channel,
            MessageId = messageId,
            ThreadId = thread,
            At = at,
            Author = author,
            Text = text,
            Permalink = permalink,
        }, CancellationToken.None);
        Assert.Equal(CaptureResult.Recorded, result);
    }

    public async Task TagAsync(ChannelRef channel, string messageId, TimelineTag tag, Person by)
    {
        var result = await Services<TimelineCapture>().TagAsync(new TagRequest(channel, messageId, tag, by, null, null), CancellationToken.None);
        Assert.Equal(CaptureResult.Updated, result);
    }

    public async Task EditAsync(ChannelRef channel, string messageId, string newText, DateTimeOffset at)
    {
        var result = await Services<TimelineCapture>().EditAsync(new MessageEdit(channel, messageId, newText, at), CancellationToken.None);
        Assert.Equal(CaptureResult.Updated, result);
    }

    public async Task DeleteAsync(ChannelRef channel, string messageId, DateTimeOffset at)
    {
        var result = await Services<TimelineCapture>().DeleteAsync(new MessageDeletion(channel, messageId, at), CancellationToken.None);
        Assert.Equal(CaptureResult.Updated, result);
    }

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path.TrimStart('/'), UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The page's body, asserting 200.</summary>
    public async Task<string> PageAsync(string path)
    {
        var (status, body) = await GetAsync(path);
        Assert.True(status == HttpStatusCode.OK, $"GET {path}: {(int)status}\n{body}");
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
