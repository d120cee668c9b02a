namespace ScribeBot.Tests.Manifest;

/// <summary>
/// <c>manifests/teams/manifest.json</c> against Microsoft's app manifest schema and against the code: one app id
/// everywhere, the RSC permission that lets the bot hear the channel without an @mention, the message action the
/// adapter answers, bot menu entries that are verbs the grammar knows, the documented limits and the icon rules.
/// </summary>
public sealed partial class TeamsManifestTests
{
    /// <summary>
    /// The current manifest version (v1.27, April 2026) in Microsoft's app manifest schema reference,
    /// https://learn.microsoft.com/microsoft-365/extensibility/schema/ ("What's new in manifest version 1.27").
    /// </summary>
    private const string ManifestVersion = "1.27";

    private const string AppIdPlaceholder = "{{MICROSOFT_APP_ID}}";

    /// <summary>The message action's command id: the adapter matches <c>composeExtension/fetchTask</c> on it.</summary>
    private const string TimelineActionId = "addToTimeline";

    // Limits from the schema reference (root.bots.commandLists, root.composeExtensions.commands, root.name,
    // root.description, root.developer). Where versions differ we hold the strictest: 10 commands a list, titles of
    // 32 and descriptions of 128 characters, which every manifest version since 1.0 accepts.
    private const int MaxCommandsPerList = 10;
    private const int MaxCommandListTitle = 32;
    private const int MaxCommandListDescription = 128;
    private const int MaxCommandLists = 2;

    [Fact]
    public void The_manifest_declares_the_current_schema_version()
    {
        var manifest = Read();

        Assert.Equal(ManifestVersion, manifest.GetProperty("manifestVersion").GetString());
        Assert.Equal(
            $"https://developer.microsoft.com/json-schemas/teams/v{ManifestVersion}/MicrosoftTeams.schema.json",
            manifest.GetProperty("$schema").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+$", manifest.GetProperty("version").GetString()!);
    }

    [Fact]
    public void One_app_id_is_the_app_the_bot_the_message_action_and_the_consented_application()
    {
        var manifest = Read();

        Assert.Equal(AppIdPlaceholder, manifest.GetProperty("id").GetString());
        var bot = Assert.Single(manifest.GetProperty("bots").EnumerateArray());
        Assert.Equal(AppIdPlaceholder, bot.GetProperty("botId").GetString());
        var extension = Assert.Single(manifest.GetProperty("composeExtensions").EnumerateArray());
        Assert.Equal(AppIdPlaceholder, extension.GetProperty("botId").GetString());
        // RSC is granted to webApplicationInfo.id; its resource must be present though RSC does not use it.
        var web = manifest.GetProperty("webApplicationInfo");
        Assert.Equal(AppIdPlaceholder, web.GetProperty("id").GetString());
        Assert.Equal("api://botid-" + AppIdPlaceholder, web.GetProperty("resource").GetString());

        // The only other placeholders are the developer's, which package.sh fills in as well.
        var placeholders = PlaceholderPattern().Matches(File.ReadAllText(ManifestPath)).Select(m => m.Value).ToHashSet();
        Assert.Equal(
            new[] { AppIdPlaceholder, "{{DEVELOPER_NAME}}", "{{DEVELOPER_PRIVACY_URL}}", "{{DEVELOPER_TERMS_URL}}", "{{DEVELOPER_WEBSITE_URL}}" }
                .Order(StringComparer.Ordinal),
            placeholders.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_team_consents_to_the_bot_receiving_every_channel_message()
    {
        var permissions = Read().GetProperty("authorization").GetProperty("permissions").GetProperty("resourceSpecific")
            .EnumerateArray()
            .Select(p => (Name: p.GetProperty("name").GetString(), Type: p.GetProperty("type").GetString()))
            .ToList();

        Assert.Contains(("ChannelMessage.Read.Group", "Application"), permissions);
        // Nothing beyond what the bot uses: it reads channel messages, it changes nothing in the team.
        Assert.Single(permissions);
    }

    [Fact]
    public void The_bot_is_conversational_in_teams_and_personal_chat()
    {
        var bot = Read().GetProperty("bots")[0];
        var scopes = Strings(bot.GetProperty("scopes"));

        Assert.Contains("team", scopes);
        Assert.Contains("personal", scopes);
        Assert.False(bot.GetProperty("supportsFiles").GetBoolean());
        Assert.False(bot.GetProperty("isNotificationOnly").GetBoolean());
    }

    [Fact]
    public void The_message_action_adds_a_message_to_the_incident_timeline_through_a_fetched_dialog()
    {
        var extension = Read().GetProperty("composeExtensions")[0];
        var command = Assert.Single(extension.GetProperty("commands").EnumerateArray());

        Assert.Equal(TimelineActionId, command.GetProperty("id").GetString());
        Assert.Equal("action", command.GetProperty("type").GetString());
        Assert.Equal(["message"], Strings(command.GetProperty("context")));
        Assert.True(command.GetProperty("fetchTask").GetBoolean());
        Assert.Equal("Add to incident timeline", command.GetProperty("title").GetString());
        AssertLength(command, "id", 64);
        AssertLength(command, "title", 32);
        AssertLength(command, "description", 128);
        Assert.InRange(command.GetProperty("parameters").GetArrayLength(), 1, 5);
    }

    [Fact]
    public void Every_bot_menu_entry_is_a_verb_of_the_grammar_within_the_documented_limits()
    {
        var lists = Read().GetProperty("bots")[0].GetProperty("commandLists");
        Assert.InRange(lists.GetArrayLength(), 1, MaxCommandLists);
        var verbs = CommandUsage.Verbs.ToDictionary(v => v.Verb, v => v.Usage, StringComparer.Ordinal);

        foreach (var list in lists.EnumerateArray())
        {
            var commands = list.GetProperty("commands");
            Assert.InRange(commands.GetArrayLength(), 1, MaxCommandsPerList);
            foreach (var command in commands.EnumerateArray())
            {
                var title = command.GetProperty("title").GetString()!;
                AssertLength(command, "title", MaxCommandListTitle);
                AssertLength(command, "description", MaxCommandListDescription);
                // Picking an entry types "@ScribeBot <title>": the title must be the verb, optionally after "incident".
                var verb = title.StartsWith("incident ", StringComparison.Ordinal) ? title["incident ".Length..] : title;
                Assert.True(verbs.ContainsKey(verb), $"'{title}' is not a verb of the grammar ({string.Join(", ", verbs.Keys)}).");
                Assert.StartsWith(verbs[verb], command.GetProperty("description").GetString()!, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_team_menu_runs_an_incident_and_the_personal_menu_has_help_and_stats()
    {
        var lists = Read().GetProperty("bots")[0].GetProperty("commandLists").EnumerateArray()
            .Select(l => (Scopes: string.Join(",", Strings(l.GetProperty("scopes"))), Titles: Titles(l)))
            .ToList();

        Assert.Equal(["team", "personal"], lists.Select(l => l.Scopes));
        var team = lists[0].Titles;
        Assert.Equal("incident start", team[0]);
        foreach (var verb in new[] { "ack", "status", "catchup", "timeline", "resolve", "postmortem", "help" })
        {
            Assert.Contains(verb, team);
        }

        Assert.Equal(["help", "stats"], lists[1].Titles);

        static List<string> Titles(JsonElement list) =>
            [.. list.GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("title").GetString()!)];
    }

    [Fact]
    public void Names_descriptions_and_colour_are_within_the_documented_limits()
    {
        var manifest = Read();

        Assert.Equal("ScribeBot", manifest.GetProperty("name").GetProperty("short").GetString());
        AssertLength(manifest.GetProperty("name"), "short", 30);
        AssertLength(manifest.GetProperty("name"), "full", 100);
        AssertLength(manifest.GetProperty("description"), "short", 80);
        AssertLength(manifest.GetProperty("description"), "full", 4000);
        Assert.NotEqual(
            manifest.GetProperty("description").GetProperty("short").GetString(),
            manifest.GetProperty("description").GetProperty("full").GetString());
        // The store asks that an app reading messages says why, in its description.
        Assert.Contains("ChannelMessage.Read.Group", manifest.GetProperty("description").GetProperty("full").GetString()!, StringComparison.Ordinal);
        Assert.Matches("^#[0-9A-Fa-f]{6}$", manifest.GetProperty("accentColor").GetString()!);
    }

    [Fact]
    public void The_colour_icon_is_192_pixels_square_on_a_solid_square_background()
    {
        var png = Icon("color", 192);

        // Teams rounds the corners itself: the four corners are the same colour, fully opaque or fully transparent.
        var corner = png.Pixel(0, 0);
        Assert.All(new[] { png.Pixel(191, 0), png.Pixel(0, 191), png.Pixel(191, 191) }, c => Assert.Equal(corner, c));
        Assert.True(corner.A is 0 or 255, $"corner alpha {corner.A}");
    }

    [Fact]
    public void The_outline_icon_is_32_pixels_white_on_transparent_without_padding()
    {
        var png = Icon("outline", 32);

        Assert.Equal(6, png.ColorType);
        var drawn = png.Pixels().Where(p => p.A != 0).ToList();
        Assert.NotEmpty(drawn);
        Assert.All(drawn, p => Assert.True((p.R, p.G, p.B) == (255, 255, 255), $"({p.X},{p.Y}) is not white"));
        // "No additional padding around the symbol": it reaches the edges.
        Assert.Equal((0, 31), (drawn.Min(p => p.X), drawn.Max(p => p.X)));
        Assert.Equal((0, 31), (drawn.Min(p => p.Y), drawn.Max(p => p.Y)));
    }

    /// <summary>The icon the manifest names <paramref name="kind"/>: <c>kind.png</c> beside it, <paramref name="size"/> pixels square.</summary>
    private static PngFile Icon(string kind, int size)
    {
        Assert.Equal($"{kind}.png", Read().GetProperty("icons").GetProperty(kind).GetString());
        var png = PngFile.Read(Path.Combine(RepositoryPaths.TeamsManifest, $"{kind}.png"));
        Assert.Equal((size, size), (png.Width, png.Height));
        return png;
    }

    private static string ManifestPath => Path.Combine(RepositoryPaths.TeamsManifest, "manifest.json");

    private static JsonElement Read()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(ManifestPath));
        return document.RootElement.Clone();
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static void AssertLength(JsonElement element, string property, int max)
    {
        var value = element.GetProperty(property).GetString();
        Assert.False(string.IsNullOrWhiteSpace(value), $"{property} is empty");
        Assert.True(value.Length <= max, $"{property} has {value.Length} characters, more than {max}: '{value}'");
    }

    [GeneratedRegex(@"\{\{[A-Z0-9_]+\}\}")]
    private static partial Regex PlaceholderPattern();
}
