namespace ScribeBot.Hosting;

/// <summary>
/// Where the host listens when nobody said: <c>http://localhost:5080</c>. It is applied in code, not shipped as
/// <c>Urls</c> in appsettings.json, because that file outranks the <c>ASPNETCORE_</c>-prefixed environment variables:
/// an operator's <c>ASPNETCORE_URLS</c> or <c>ASPNETCORE_HTTP_PORTS</c> (what container images set) would be silently
/// ignored. Any address setting, from any source, wins over this default.
/// </summary>
internal static class DefaultListenAddress
{
    public const string Url = "http://localhost:5080";

    // The keys ASP.NET Core reads for addresses (from URLS, ASPNETCORE_URLS, --urls and their port forms), plus
    // Kestrel's own endpoint configuration.
    private static readonly string[] AddressKeys = ["urls", "http_ports", "https_ports"];

    public static void ApplyTo(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var addressGiven = AddressKeys.Any(key => !string.IsNullOrWhiteSpace(configuration[key]))
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!addressGiven)
        {
            builder.WebHost.UseUrls(Url);
        }
    }
}
