using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Timeline;
using ScribeBot.Slack.Tests;
using ScribeBot.Slack.Tests.WebApi;

namespace ScribeBot.Tests.Slack;

/// <summary>
/// The real host on a real socket (Kestrel on 127.0.0.1, port 0) with a temp data file, its Web API pointed at a
/// loopback <see cref="FakeSlack"/>; sends requests signed the way Slack signs them.
/// </summary>
internal sealed class SlackHost : IAsyncDisposable
{
    public const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string Team = "T123ABC456";
    public const string ChannelId = "C123ABC456";
    public const string BotToken = "xoxb-test-token";
    public static readonly ChannelRef Channel = new(ChatPlatform.Slack, Team, ChannelId);

    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _directory;

    private SlackHost(WebApplicationFactory<Program> factory, FakeSlack slack, HttpClient client, string directory)
    {
        _factory = factory;
        Slack = slack;
        Client = client;
        _directory = directory;
    }

    public FakeSlack Slack { get; }

    public HttpClient Client { get; }

    public IIncidentStore Store => _factory.Services.GetRequiredService<IIncidentStore>();

    public T Services<T>()
        where T : notnull => _factory.Services.GetRequiredService<T>();

    /// <param name="appToken">Set, the host runs Socket Mode against the fake Slack.</param>
    /// <param name="directory">The data folder; reuse one (and <paramref name="slack"/>) to restart on the same store.</param>
    /// <param name="settings">More configuration, e.g. <c>Slack:RequestTimeout</c>.</param>
    public static async Task<SlackHost> StartAsync(
        string? signingSecret = Secret, Action<IServiceCollection>? services = null, string? appToken = null,
        string? directory = null, FakeSlack? slack = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        slack ??= await FakeSlack.StartAsync();
        directory ??= Path.Combine(Path.GetTempPath(), "scribebot-slack-" + Guid.NewGuid().ToString("N"));
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host
                .UseSetting("Storage:LiteDb:Path", Path.Combine(directory, "scribebot.db"))
                .UseSetting("Slack:SigningSecret", signingSecret ?? "")
                .UseSetting("Slack:BotToken", BotToken)
                .UseSetting("Slack:AppToken", appToken ?? "")
                .UseSetting("Slack:ApiBaseUrl", slack.ApiBaseUrl.AbsoluteUri)
                .ConfigureTestServices(services ?? (_ => { }));
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                host.UseSetting(key, value);
            }
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var client = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
        return new SlackHost(factory, slack, client, directory);
    }

    public static string Now(double plusSeconds = 0) =>
        (TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0 + plusSeconds).ToString("F6", CultureInfo.InvariantCulture);

    public static string Sign(string timestamp, byte[] body, string secret = Secret)
    {
        var basestring = Encoding.UTF8.GetBytes($"v0:{timestamp}:").Concat(body).ToArray();
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), basestring));
    }

    public Task<HttpResponseMessage> PostJsonAsync(JsonNode body, int? retry = null) =>
        PostAsync(Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json", retry: retry);

    public Task<HttpResponseMessage> PostFormAsync(IReadOnlyDictionary<string, string> fields) =>
        PostAsync(Encoding.UTF8.GetBytes(EncodeForm(fields)), "application/x-www-form-urlencoded");

    /// <summary>Signs with <paramref name="secret"/> at <paramref name="age"/> ago; a null secret sends no signature headers.</summary>
    public async Task<HttpResponseMessage> PostAsync(
        byte[] body, string contentType, string? secret = Secret, TimeSpan age = default, int? retry = null, string? signature = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "slack/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (secret is not null)
        {
            var timestamp = (TimeProvider.System.GetUtcNow() - age).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
            request.Headers.Add("X-Slack-Signature", signature ?? Sign(timestamp, body, secret));
        }

        if (retry is { } attempt)
        {
            request.Headers.Add("X-Slack-Retry-Num", attempt.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return await Client.SendAsync(request);
    }

    /// <summary>A published fixture with the given JSON paths (<c>event.ts</c>) replaced.</summary>
    public static JsonNode Event(string fixture, params (string Path, JsonNode? Value)[] changes)
    {
        var node = JsonNode.Parse(Fixtures.Bytes(fixture))!;
        foreach (var (path, value) in changes)
        {
            var parts = path.Split('.');
            var parent = node;
            foreach (var part in parts[..^1])
            {
                parent = parent[part]!;
            }

            parent[parts[^1]] = value;
        }

        return node;
    }

    /// <summary>The slash-command form of Slack's docs example, as our <c>/incident</c> in our channel.</summary>
    public static Dictionary<string, string> Command(string text, string triggerId)
    {
        var form = QueryHelpers.ParseQuery(File.ReadAllText(Path.Combine(Fixtures.Directory, "slash_command_weather.slack_docs_example.form.txt")).Trim())
            .ToDictionary(p => p.Key, p => p.Value.ToString());
        form["team_id"] = Team;
        form["channel_id"] = ChannelId;
        form["command"] = "/incident";
        form["text"] = text;
        form["trigger_id"] = triggerId;
        return form;
    }

    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync()
    {
        var incident = await Store.FindLatestIncidentAsync(Channel, CancellationToken.None);
        Assert.NotNull(incident);
        return await Store.GetTimelineAsync(incident.Id, CancellationToken.None);
    }

    /// <summary>Stops the host gracefully but keeps the data folder and the fake Slack (for a restart on the same store).</summary>
    public async Task StopAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await Slack.DisposeAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static string EncodeForm(IReadOnlyDictionary<string, string> fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
}
