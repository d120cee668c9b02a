using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Storage;

namespace ScribeBot.Tests.Web;

/// <summary>
/// The real host on Kestrel (127.0.0.1, port 0, so requests come from loopback and pass the Dashboard policy) with a
/// temp data file, a cookie-keeping client that does not follow redirects, and incidents seeded by running real
/// commands through the host's <see cref="CommandHandler"/>. Slack is not configured, so its posts stay in the outbox.
/// </summary>
internal sealed partial class PostmortemEditorHost : IAsyncDisposable
{
    public static readonly ChannelRef Channel = new(ChatPlatform.Slack, "T1", "C1");
    public static readonly Person Alice = new("U1", "Alice");

    /// <summary>Monday 2026-03-02 14:00 UTC: commands are sent from here on, a minute apart.</summary>
    private static readonly DateTimeOffset FirstCommandAt = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _directory;
    private int _commands;

    private PostmortemEditorHost(WebApplicationFactory<Program> factory, HttpClient client, string directory)
    {
        _factory = factory;
        Client = client;
        _directory = directory;
    }

    public HttpClient Client { get; }

    public IIncidentStore Store => _factory.Services.GetRequiredService<IIncidentStore>();

    public IOutboxStore Outbox => _factory.Services.GetRequiredService<IOutboxStore>();

    public static PostmortemEditorHost Start()
    {
        var directory = Path.Combine(Path.GetTempPath(), "scribebot-editor-" + Guid.NewGuid().ToString("N"));
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseSetting("Storage:LiteDb:Path", Path.Combine(directory, "scribebot.db"))
            .UseSetting("Slack:SigningSecret", "")
            .UseSetting("Slack:BotToken", "")
            .UseSetting("Slack:AppToken", ""));
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
        return new PostmortemEditorHost(factory, client, directory);
    }

    /// <summary>Runs <c>/incident {text}</c> in <see cref="Channel"/> as Alice and asserts it was accepted.</summary>
    public async Task<CommandOutcome> RunAsync(string text)
    {
        var n = Interlocked.Increment(ref _commands);
        var outcome = await _factory.Services.GetRequiredService<CommandHandler>().HandleAsync(
            new CommandRequest
            {
                Channel = Channel,
                Caller = Alice,
                Text = text,
                At = FirstCommandAt.AddMinutes(n),
                RequestId = $"cmd-{n}",
                Permalink = $"https://example.slack.com/archives/C1/p{n}",
            },
            CancellationToken.None);
        Assert.True(outcome.Accepted, $"'{text}' was refused: {outcome.Reply}");
        return outcome;
    }

    /// <summary>INC-1: a resolved incident with an action, a root cause, an improvement and an owned task.</summary>
    public async Task<Incident> SeedAsync()
    {
        await RunAsync("start Checkout returns 502 sev2");
        await RunAsync("ack");
        await RunAsync("action rolled back the deploy");
        await RunAsync("detected alert on 5xx rate");
        await RunAsync("impact card payments failed");
        await RunAsync("rootcause connection pool exhausted");
        await RunAsync("improve Alert on pool saturation");
        await RunAsync("todo Raise the pool size @bo");
        await RunAsync("resolve");
        return await IncidentAsync();
    }

    public async Task<Incident> IncidentAsync() =>
        await Store.GetIncidentAsync(Incident.MakeId(Channel, 1), CancellationToken.None)
        ?? throw new InvalidOperationException("INC-1 was not seeded");

    public static string EditorPath(string incidentId) => $"incidents/{Uri.EscapeDataString(incidentId)}/postmortem";

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens the editor and reads its two forms as a browser would submit them.</summary>
    public async Task<EditorPage> OpenEditorAsync(string incidentId)
    {
        var (status, body) = await GetAsync(EditorPath(incidentId));
        Assert.Equal(HttpStatusCode.OK, status);
        return EditorPage.Parse(body);
    }

    public async Task<HttpResponseMessage> PostFormAsync(string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await Client.PostAsync(new Uri(action, UriKind.Relative), content);
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

    /// <summary>What the editor page's forms carry: their actions, antiforgery tokens and hidden fields.</summary>
    internal sealed partial record EditorPage(string Body, string SaveAction, string PostAction, string Token, string Basis, string PostKey)
    {
        public static EditorPage Parse(string body)
        {
            var actions = FormAction().Matches(body).Select(m => WebUtility.HtmlDecode(m.Groups["action"].Value)).ToArray();
            return new EditorPage(
                body,
                actions.Single(a => a.EndsWith("handler=Save", StringComparison.Ordinal)),
                actions.Single(a => a.EndsWith("handler=Post", StringComparison.Ordinal)),
                Hidden(body, "__RequestVerificationToken"),
                Hidden(body, "Basis"),
                Hidden(body, "PostKey"));
        }

        /// <summary>The save form as the page filled it, with <paramref name="changes"/> applied and the token.</summary>
        public List<KeyValuePair<string, string>> SaveForm(IReadOnlyDictionary<string, string> changes)
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["__RequestVerificationToken"] = Token,
                ["Basis"] = Basis,
            };
            foreach (Match m in TextArea().Matches(Body))
            {
                fields[m.Groups["name"].Value] = WebUtility.HtmlDecode(m.Groups["value"].Value);
            }

            // A browser sends an input without a value attribute as empty.
            foreach (Match m in TextInput().Matches(Body))
            {
                var value = InputValue().Match(m.Value);
                fields[m.Groups["name"].Value] = value.Success ? WebUtility.HtmlDecode(value.Groups["value"].Value) : "";
            }

            foreach (var (name, value) in changes)
            {
                fields[name] = value;
            }

            return [.. fields];
        }

        private static string Hidden(string body, string name)
        {
            var match = Regex.Match(body, $"""<input[^>]*\bname="{Regex.Escape(name)}"[^>]*\bvalue="(?<value>[^"]*)"[^>]*>""");
            Assert.True(match.Success, $"no hidden field {name}");
            return WebUtility.HtmlDecode(match.Groups["value"].Value);
        }

        [GeneratedRegex("""<form[^>]*\baction="(?<action>[^"]+)""", RegexOptions.CultureInvariant)]
        private static partial Regex FormAction();

        [GeneratedRegex("""<textarea[^>]*\bname="(?<name>[^"]+)"[^>]*>(?<value>[^<]*)</textarea>""", RegexOptions.CultureInvariant)]
        private static partial Regex TextArea();

        [GeneratedRegex("""<input type="text"[^>]*\bname="(?<name>[^"]+)"[^>]*>""", RegexOptions.CultureInvariant)]
        private static partial Regex TextInput();

        [GeneratedRegex("""\bvalue="(?<value>[^"]*)(?=")""", RegexOptions.CultureInvariant)]
        private static partial Regex InputValue();
    }
}
