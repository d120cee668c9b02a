using System.Text.RegularExpressions;
using ScribeBot.Slack.Interaction;

namespace ScribeBot.Slack.Tests.Manifest;

/// <summary>
/// The app manifests in <c>manifests/slack</c> against the code: the slash command, the shortcut's callback id, the
/// events the reader handles, and exactly the scopes that the Web API calls and events need. A Web API call added to
/// the client without a line in <see cref="MethodScopes"/> fails here, so a scope cannot be forgotten.
/// </summary>
public sealed partial class SlackManifestTests
{
    private const string EventsUrl = "https://YOUR-HOST/slack/events";

    /// <summary>
    /// The bot-token scopes each Web API method needs, from Slack's method reference. Empty: none needed.
    /// <c>conversations.info</c> needs the scope of the channel's type; incidents live in public and private channels.
    /// </summary>
    private static readonly Dictionary<string, string[]> MethodScopes = new(StringComparer.Ordinal)
    {
        ["chat.postMessage"] = ["chat:write"],
        ["chat.postEphemeral"] = ["chat:write"],
        ["users.info"] = ["users:read"],
        ["conversations.info"] = ["channels:read", "groups:read"],
        ["conversations.join"] = ["channels:join"],
        ["conversations.history"] = ["channels:history", "groups:history"],
        ["conversations.replies"] = ["channels:history", "groups:history"],
        ["views.open"] = [],
        ["auth.test"] = [],
        ["chat.getPermalink"] = [],
        ["files.getUploadURLExternal"] = ["files:write"],
        ["files.completeUploadExternal"] = ["files:write"],
        // Socket Mode: called with the app-level token (connections:write), which is not a bot scope.
        ["apps.connections.open"] = [],
    };

    /// <summary>The scope each subscribed event needs.</summary>
    private static readonly Dictionary<string, string> EventScopes = new(StringComparer.Ordinal)
    {
        ["message.channels"] = "channels:history",
        ["message.groups"] = "groups:history",
        ["reaction_added"] = "reactions:read",
        ["reaction_removed"] = "reactions:read",
        // In a private channel Slack asks for groups:read instead; both are granted for conversations.info.
        ["member_joined_channel"] = "channels:read",
    };

    /// <summary>Slash commands and shortcuts both need <c>commands</c>.</summary>
    private const string CommandsScope = "commands";

    public static TheoryData<string> Manifests => new() { "manifest.yaml", "manifest.socket-mode.yaml" };

    [Theory]
    [MemberData(nameof(Manifests))]
    public void The_app_is_ScribeBot_with_an_always_online_bot_user(string file)
    {
        var manifest = Read(file);

        Assert.Equal("ScribeBot", manifest.Single("display_information.name"));
        Assert.Equal("ScribeBot", manifest.Single("features.bot_user.display_name"));
        Assert.Equal("true", manifest.Single("features.bot_user.always_online"));
        Assert.Equal("true", manifest.Single("settings.interactivity.is_enabled"));
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void The_slash_command_is_incident_and_mentions_arrive_with_the_user_id(string file)
    {
        var manifest = Read(file);

        Assert.Equal("/incident", manifest.Single("features.slash_commands[].command"));
        Assert.False(string.IsNullOrWhiteSpace(manifest.Single("features.slash_commands[].usage_hint")));
        Assert.False(string.IsNullOrWhiteSpace(manifest.Single("features.slash_commands[].description")));
        // The grammar reads escalate/commander mentions as <@U123|name>, the escaped form.
        Assert.Equal("true", manifest.Single("features.slash_commands[].should_escape"));
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void The_message_shortcut_has_the_callback_id_the_endpoint_handles(string file)
    {
        var manifest = Read(file);

        Assert.Equal(TimelineShortcutModal.ShortcutCallbackId, manifest.Single("features.shortcuts[].callback_id"));
        Assert.Equal("message", manifest.Single("features.shortcuts[].type"));
        Assert.Equal("Add to incident timeline", manifest.Single("features.shortcuts[].name"));
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void The_bot_events_are_the_ones_the_reader_handles(string file)
    {
        var events = Read(file).All("settings.event_subscriptions.bot_events[]");

        Assert.Equal(EventScopes.Keys.Order(StringComparer.Ordinal), events.Order(StringComparer.Ordinal));
        // Each subscribed event, in Slack's documented shape, is read as something to capture, not ignored.
        var reader = new SlackInboundReader(botUserId: null, botId: null);
        (string Fixture, string Event)[] samples =
        [
            ("event_message_channel.docs.json", "message.channels"),
            ("event_reaction_added.docs.json", "reaction_added"),
            ("event_reaction_removed.docs.json", "reaction_removed"),
            ("event_member_joined_channel.docs.json", "member_joined_channel"),
        ];
        foreach (var (fixture, subscribed) in samples)
        {
            Assert.Contains(subscribed, events);
            var inbound = reader.ReadHttp("application/json", Fixtures.Slack.Bytes(fixture), DateTimeOffset.UnixEpoch, null);
            Assert.IsType<SlackEventCallback>(inbound);
        }

        // message.groups is the same message event from a private channel (channel_type "group").
        var privateMessage = System.Text.Json.Nodes.JsonNode.Parse(Fixtures.Slack.Bytes("event_message_channel.docs.json"))!;
        privateMessage["event"]!["channel_type"] = "group";
        privateMessage["event"]!["channel"] = "G123ABC456";
        Assert.IsType<SlackEventCallback>(reader.ReadHttp(
            "application/json", System.Text.Encoding.UTF8.GetBytes(privateMessage.ToJsonString()), DateTimeOffset.UnixEpoch, null));
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void The_scopes_are_exactly_those_the_calls_and_events_need(string file)
    {
        var manifest = Read(file);
        var called = CalledMethods();
        Assert.NotEmpty(called);
        var unmapped = called.Where(m => !MethodScopes.ContainsKey(m)).ToList();
        Assert.True(unmapped.Count == 0,
            $"SlackWebApiClient calls {string.Join(", ", unmapped)}: add its scope to MethodScopes here and to manifests/slack.");

        var expected = called.SelectMany(m => MethodScopes[m])
            .Concat(manifest.All("settings.event_subscriptions.bot_events[]").Select(e => EventScopes[e]))
            .Append(CommandsScope)
            .ToHashSet(StringComparer.Ordinal);
        var scopes = manifest.All("oauth_config.scopes.bot[]");

        Assert.Equal(scopes.Count, scopes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(expected.Order(StringComparer.Ordinal), scopes.Order(StringComparer.Ordinal));
        Assert.Empty(manifest.All("oauth_config.scopes.user[]"));
    }

    [Fact]
    public void Over_http_every_request_url_is_the_one_endpoint()
    {
        var manifest = Read("manifest.yaml");

        Assert.Equal("false", manifest.Single("settings.socket_mode_enabled"));
        Assert.Equal(EventsUrl, manifest.Single("features.slash_commands[].url"));
        Assert.Equal(EventsUrl, manifest.Single("settings.event_subscriptions.request_url"));
        Assert.Equal(EventsUrl, manifest.Single("settings.interactivity.request_url"));
    }

    [Fact]
    public void Over_socket_mode_there_is_no_request_url()
    {
        var manifest = Read("manifest.socket-mode.yaml");

        Assert.Equal("true", manifest.Single("settings.socket_mode_enabled"));
        Assert.DoesNotContain(manifest.Entries, e => e.Path.EndsWith(".url", StringComparison.Ordinal)
            || e.Path.EndsWith("request_url", StringComparison.Ordinal));
    }

    [Fact]
    public void The_two_variants_differ_only_in_how_slack_reaches_the_bot()
    {
        static IEnumerable<string> Shape(YamlLite manifest) => manifest.Entries
            .Where(e => !e.Path.EndsWith("url", StringComparison.Ordinal) && e.Path != "settings.socket_mode_enabled")
            .Select(e => e.Path + "=" + e.Value);

        Assert.Equal(Shape(Read("manifest.yaml")), Shape(Read("manifest.socket-mode.yaml")));
    }

    /// <summary>The Web API methods <c>SlackWebApiClient</c>'s method groups call, read from the sources in <c>WebApi/</c>.</summary>
    private static List<string> CalledMethods()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "src", "ScribeBot.Slack", "WebApi");
        return
        [
            .. Directory.EnumerateFiles(folder, "*.cs").Order(StringComparer.Ordinal)
                .SelectMany(file => CallPattern().Matches(File.ReadAllText(file)))
                .Select(m => m.Groups["method"].Value)
                .Distinct(StringComparer.Ordinal),
        ];
    }

    [GeneratedRegex("""CallAsync\(\s*"(?<method>[A-Za-z]+\.[A-Za-z.]+)"\s*,""")]
    private static partial Regex CallPattern();

    private static YamlLite Read(string file) =>
        YamlLite.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "manifests", "slack", file)));
}
