namespace ScribeBot.Tests.Hosting;

/// <summary>No placeholder is ever a secret: the example file carries none, and the host refuses to start on one.</summary>
public sealed class SecretPlaceholderTests : HostDataFileTest
{
    [Theory]
    [InlineData("Slack:SigningSecret", "(secret: set Slack__SigningSecret in the environment)")]
    [InlineData("Slack:BotToken", "changeme")]
    [InlineData("Slack:AppToken", "YOUR-APP-TOKEN")]
    [InlineData("MicrosoftAppPassword", "<your app password>")]
    [InlineData("Dashboard:Oidc:ClientSecret", "your_client_secret")]
    [InlineData("Slack:BotToken", "xoxb-your-token")]
    public async Task A_placeholder_secret_stops_the_host_at_start_naming_the_key(string key, string placeholder)
    {
        var error = await StartupErrors.OfSettingAsync(key, placeholder);

        Assert.Contains($"{key} holds a placeholder, not a secret", error, StringComparison.Ordinal);
        Assert.DoesNotContain(placeholder, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_process_given_a_placeholder_secret_exits_2_with_one_line_naming_the_key()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var host = StartHost(new Dictionary<string, string> { ["Slack__SigningSecret"] = "changeme" });

        var (exitCode, output) = await host.WaitForExitAndOutputAsync(timeout.Token);

        Assert.True(exitCode == 2, $"expected exit code 2 (invalid settings), got {exitCode}:\n{output}");
        Assert.Contains("ScribeBot cannot start: Slack:SigningSecret holds a placeholder, not a secret", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("listening on", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8f742231b10e8888abcd99yyyzzz85a5")]
    [InlineData("xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy")]
    [InlineData("xapp-1-A0123456789-1234567890123-0123456789abcdef0123456789abcdef")]
    [InlineData("Zq8~pL3.a_Vx9-K2mN7rT4wY1bC6dF0gH5jQ8sU3")]
    [InlineData("")]
    [InlineData(null)]
    public void A_real_looking_secret_or_none_is_not_a_placeholder(string? value) =>
        Assert.False(SecretPlaceholders.IsPlaceholder(value));

    [Fact]
    public void The_example_settings_file_leaves_every_secret_empty()
    {
        using var example = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "appsettings.example.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });

        foreach (var key in SecretPlaceholders.SecretKeys)
        {
            var element = key.Split(':').Aggregate(example.RootElement, (node, part) => node.GetProperty(part));
            Assert.True(element.GetString() is "", $"{key} in appsettings.example.json is '{element.GetString()}', not empty");
        }
    }
}
