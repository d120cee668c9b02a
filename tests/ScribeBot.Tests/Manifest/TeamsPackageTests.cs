namespace ScribeBot.Tests.Manifest;

/// <summary>
/// <c>manifests/teams/package.sh</c> run for real (bash + python3): the zip Teams side-loads has the manifest and both
/// icons at its root with every placeholder filled in, and bad input is refused with exit code 2 and no file.
/// </summary>
public sealed class TeamsPackageTests : IDisposable
{
    private const string AppId = "0b7a1c5e-3f2d-4e8a-9c61-2d4f8e9a7b10";

    private static readonly string[] PackageEntries = ["color.png", "manifest.json", "outline.png"];

    private static readonly string[] DeveloperVariables =
        ["DEVELOPER_NAME", "DEVELOPER_WEBSITE_URL", "DEVELOPER_PRIVACY_URL", "DEVELOPER_TERMS_URL"];

    private readonly string _directory = Directory.CreateTempSubdirectory("scribebot-teams-package-").FullName;

    [Fact]
    public async Task A_guid_gives_a_zip_with_the_manifest_and_both_icons_at_its_root_and_no_placeholder_left()
    {
        var zip = Path.Combine(_directory, "scribebot.zip");

        var (exit, output, errors) = await RunAsync([AppId.ToUpperInvariant(), zip]);

        Assert.True(exit == 0, $"exit {exit}: {errors}");
        Assert.Contains(zip, output, StringComparison.Ordinal);
        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(PackageEntries, archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));

        var text = await ReadAsync(archive.GetEntry("manifest.json")!);
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(text);
        var root = manifest.RootElement;
        // Lower-cased, the form Entra shows.
        Assert.Equal(AppId, root.GetProperty("id").GetString());
        Assert.Equal(AppId, root.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Equal(AppId, root.GetProperty("composeExtensions")[0].GetProperty("botId").GetString());
        Assert.Equal(AppId, root.GetProperty("webApplicationInfo").GetProperty("id").GetString());
        Assert.Equal("api://botid-" + AppId, root.GetProperty("webApplicationInfo").GetProperty("resource").GetString());
        Assert.StartsWith("https://", root.GetProperty("developer").GetProperty("privacyUrl").GetString(), StringComparison.Ordinal);

        foreach (var icon in new[] { "color.png", "outline.png" })
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.TeamsManifest, icon)), await ReadBytesAsync(archive.GetEntry(icon)!));
        }
    }

    [Fact]
    public async Task The_developer_details_come_from_the_environment_escaped_as_json()
    {
        var zip = Path.Combine(_directory, "contoso.zip");

        var (exit, _, errors) = await RunAsync([AppId, zip], new()
        {
            ["DEVELOPER_NAME"] = "Contoso \"SRE\" \\ Zürich",
            ["DEVELOPER_WEBSITE_URL"] = "https://contoso.example/sre",
        });

        Assert.True(exit == 0, $"exit {exit}: {errors}");
        using var archive = ZipFile.OpenRead(zip);
        using var manifest = JsonDocument.Parse(await ReadAsync(archive.GetEntry("manifest.json")!));
        var developer = manifest.RootElement.GetProperty("developer");
        Assert.Equal("Contoso \"SRE\" \\ Zürich", developer.GetProperty("name").GetString());
        Assert.Equal("https://contoso.example/sre", developer.GetProperty("websiteUrl").GetString());
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("{{MICROSOFT_APP_ID}}")]
    [InlineData("0b7a1c5e-3f2d-4e8a-9c61-2d4f8e9a7b1")]
    [InlineData("0b7a1c5e3f2d4e8a9c612d4f8e9a7b10")]
    [InlineData("0b7a1c5e-3f2d-4e8a-9c61-2d4f8e9a7b10x")]
    public async Task An_app_id_that_is_not_a_guid_is_refused_with_exit_code_2_and_no_zip(string appId)
    {
        var zip = Path.Combine(_directory, "refused.zip");

        var (exit, _, errors) = await RunAsync([appId, zip]);

        Assert.Equal(2, exit);
        Assert.Contains("GUID", errors, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_directory));
    }

    [Fact]
    public async Task Missing_arguments_get_the_usage_and_exit_code_2()
    {
        var (exit, _, errors) = await RunAsync([]);

        Assert.Equal(2, exit);
        Assert.Contains("usage: package.sh APP_ID [OUT.zip]", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_developer_url_that_is_not_https_is_refused_with_exit_code_2_and_no_zip()
    {
        var (exit, _, errors) = await RunAsync(
            [AppId, Path.Combine(_directory, "refused.zip")],
            new() { ["DEVELOPER_PRIVACY_URL"] = "http://contoso.example/privacy" });

        Assert.Equal(2, exit);
        Assert.Contains("DEVELOPER_PRIVACY_URL", errors, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_directory));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(
        string[] arguments, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.TeamsManifest, "package.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The developer defaults are part of what is tested: nothing from the caller's environment leaks in.
        foreach (var name in DeveloperVariables)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    private static async Task<string> ReadAsync(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return await reader.ReadToEndAsync();
    }

    private static async Task<byte[]> ReadBytesAsync(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
