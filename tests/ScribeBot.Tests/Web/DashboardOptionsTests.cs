using ScribeBot.Web.Access;

namespace ScribeBot.Tests.Web;

public sealed partial class DashboardOptionsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "scribebot-web-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_host_refuses_to_start_with_an_authority_but_no_allowed_tenant_or_workspace()
    {
        // The real process, as an operator starts it: it must stop at once and say which key is missing.
        using var host = HostProcess.Start(
            [
                "--urls", "http://127.0.0.1:0", "--Storage:LiteDb:Path", Path.Combine(_directory, "scribebot.db"),
                "--Dashboard:Oidc:Authority", "https://login.microsoftonline.com/organizations/v2.0",
                "--Dashboard:Oidc:ClientId", "client", "--Dashboard:Oidc:ClientSecret", "secret",
            ],
            workingDirectory: Path.GetTempPath());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var refusal = await host.WaitForLineAsync(MissingAllowList(), timeout.Token);
        var exitCode = await host.WaitForExitAsync(timeout.Token);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Dashboard:Oidc:AllowedWorkspaces", refusal.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://login.example.com/v2.0", "Dashboard:Oidc:Authority")]
    [InlineData("login.example.com", "Dashboard:Oidc:Authority")]
    [InlineData("https://login.example.com/?tenant=x", "Dashboard:Oidc:Authority")]
    public void An_authority_that_is_not_an_absolute_https_url_is_refused(string authority, string key)
    {
        var result = Validate(new DashboardOidcOptions
        {
            Authority = authority, ClientId = "client", ClientSecret = "secret", AllowedTenants = ["t"],
        });

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://slack.com")]
    [InlineData("https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0")]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://localhost:5000/realms/test")]
    public void An_https_authority_or_a_loopback_http_one_is_accepted(string authority)
    {
        var result = Validate(new DashboardOidcOptions
        {
            Authority = authority, ClientId = "client", ClientSecret = "secret", AllowedWorkspaces = ["T0123"],
        });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void An_authority_without_client_id_and_secret_is_refused_naming_both()
    {
        var result = Validate(new DashboardOidcOptions { Authority = "https://slack.com", AllowedWorkspaces = ["T0123"] });

        Assert.Contains("Dashboard:Oidc:ClientId", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Dashboard:Oidc:ClientSecret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_allowed_ids_do_not_count()
    {
        var result = Validate(new DashboardOidcOptions
        {
            Authority = "https://slack.com", ClientId = "client", ClientSecret = "secret", AllowedWorkspaces = [" "], AllowedTenants = [""],
        });

        Assert.Contains("Dashboard:Oidc:AllowedTenants", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_in_keys_without_an_authority_are_refused_instead_of_silently_ignored()
    {
        var result = Validate(new DashboardOidcOptions { ClientId = "client", AllowedTenants = ["t"] });

        Assert.Contains("Dashboard:Oidc:Authority", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void No_sign_in_settings_at_all_is_valid()
    {
        Assert.True(Validate(new DashboardOidcOptions()).Succeeded);
    }

    [Fact]
    public void Openid_is_always_among_the_scopes()
    {
        Assert.Equal(["openid", "profile", "email"], new DashboardOidcOptions().ScopeList);
        Assert.Equal(["openid", "email"], new DashboardOidcOptions { Scopes = "email" }.ScopeList);
        Assert.Equal(["email", "openid"], new DashboardOidcOptions { Scopes = " email  openid " }.ScopeList);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static ValidateOptionsResult Validate(DashboardOidcOptions oidc) =>
        new DashboardOptionsValidator(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Scribe:PublicBaseUrl"] = "https://scribebot.example.com" })
            .Build()).Validate(null, new DashboardOptions { Oidc = oidc });

    [GeneratedRegex("Dashboard:Oidc:AllowedTenants or .*")]
    private static partial Regex MissingAllowList();
}
