using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ScribeBot.Tests.Storage;

/// <summary>
/// Debian's nginx in front of host processes, configured with the README's own example (the <c>nginx</c> block of "Run
/// several instances"), so the documentation and what is tested cannot drift apart: only the upstream addresses, the
/// <c>listen</c> port (a free loopback one) and the TLS files (a self-signed certificate for the public host, made
/// here) are put in; every other line runs as written. The block goes inside a generated <c>http {}</c> whose pid, logs
/// and temp paths are in a temp directory, and nginx runs as a child (<c>daemon off</c>), as root or not. The access log
/// names the instance (<c>$upstream_addr</c>) each request went to, one line per request.
/// </summary>
internal sealed partial class NginxProxy : IDisposable
{
    /// <summary>The example's <c>server_name</c>, the host of <c>Scribe:PublicBaseUrl</c>; sent as <c>Host</c>, as Slack does.</summary>
    public const string PublicHost = "scribebot.example.com";

    private const string Missing =
        "nginx is not installed: no nginx on the PATH or in /usr/sbin. Install Debian's package: apt-get install -y nginx " +
        "(as root); .ci/run installs it when missing.";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _directory;
    private readonly Process _process;
    private readonly string _certificateHash;

    private NginxProxy(TempDirectory directory, Process process, int port, string certificateHash)
    {
        _directory = directory;
        _process = process;
        _certificateHash = certificateHash;
        BaseAddress = new Uri($"https://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    public Uri Events => new(BaseAddress, "slack/events");

    /// <summary>The nginx program, on the PATH or in <c>/usr/sbin</c> (not on a normal user's PATH); fails saying how to install it.</summary>
    public static string RequireInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin")
            .Select(d => Path.Combine(d, "nginx"))
            .FirstOrDefault(File.Exists)
        ?? throw new Xunit.Sdk.XunitException(Missing);

    /// <summary>The <c>nginx</c> code block of the README's "Run several instances", as a reader copies it.</summary>
    public static string ReadmeExample()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var section = readme.IndexOf("\n#### Run several instances", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no section 'Run several instances'.");
        var block = ExampleBlock().Match(readme, section);
        Assert.True(block.Success, "The README's 'Run several instances' has no ```nginx block.");
        return block.Groups["config"].Value;
    }

    /// <summary>Starts nginx in front of <paramref name="instances"/> (their base addresses); returns once it accepts connections.</summary>
    public static async Task<NginxProxy> StartAsync(IReadOnlyList<Uri> instances)
    {
        var nginx = RequireInstalled();
        var directory = new TempDirectory();
        try
        {
            var certificateHash = WriteCertificate(directory);
            // A port free a moment ago may be taken before nginx binds it; another one is tried then.
            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort();
                await File.WriteAllTextAsync(directory.File("nginx.conf"), Configuration(directory, port, instances));
                var process = Start(nginx, directory);
                if (await WaitForListeningAsync(process, port))
                {
                    return new NginxProxy(directory, process, port, certificateHash);
                }

                var log = File.Exists(directory.File("error.log")) ? await File.ReadAllTextAsync(directory.File("error.log")) : "";
                Stop(process);
                if (attempt == 3 || !log.Contains("Address already in use", StringComparison.Ordinal))
                {
                    throw new Xunit.Sdk.XunitException($"nginx did not start on port {port}. Its error log:\n{log}");
                }
            }
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A handler for requests through the proxy: it trusts the certificate made for this proxy alone and sends every
    /// request under the public host name.
    /// </summary>
    public HttpMessageHandler CreateHandler() => new PublicHostHandler(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(5),
        MaxConnectionsPerServer = 16,
        AllowAutoRedirect = false,
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), _certificateHash, StringComparison.Ordinal),
        },
    });

    /// <summary>The requests nginx logged so far, in order.</summary>
    public IReadOnlyList<ProxiedRequest> Requests() =>
        [.. File.ReadAllLines(_directory.File("access.log")).Select(ProxiedRequest.Parse)];

    /// <summary>
    /// The requests logged once <paramref name="count"/> of them match: nginx writes a request's line after it has sent
    /// the answer, so a client that has just read an answer can read the log before its line is there.
    /// </summary>
    public async Task<IReadOnlyList<ProxiedRequest>> RequestsAsync(Func<ProxiedRequest, bool> match, int count, CancellationToken cancellationToken)
    {
        var requests = Requests();
        while (requests.Count(match) < count)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"nginx logged {requests.Count(match)} of the {count} requests expected:\n{string.Join('\n', requests)}");
            }

            await Task.Delay(10, CancellationToken.None);
            requests = Requests();
        }

        return requests;
    }

    public string ErrorLog() => File.ReadAllText(_directory.File("error.log"));

    public void Dispose()
    {
        Stop(_process);
        _process.Dispose();
        _directory.Dispose();
    }

    /// <summary>
    /// The README's block with only addresses, port and TLS files put in, inside an <c>http {}</c> that keeps every file
    /// nginx writes in <paramref name="directory"/>. Each replacement must match exactly as often as the example has
    /// the line, so an example that changes shape fails here rather than running something else.
    /// </summary>
    private static string Configuration(TempDirectory directory, int port, IReadOnlyList<Uri> instances)
    {
        var example = ReadmeExample();
        var servers = UpstreamServer().Matches(example);
        Assert.True(servers.Count == instances.Count, $"The README's upstream has {servers.Count} servers, not {instances.Count}.");
        var next = 0;
        example = UpstreamServer().Replace(example, m => m.Groups["lead"].Value + instances[next++].Authority);
        example = Replace(example, ListenHttps(), _ => $"listen 127.0.0.1:{port} ssl;", 1);
        example = Replace(example, CertificateFile(), m => m.Groups["directive"].Value + " " + directory.File(m.Groups["directive"].Value.EndsWith("_key", StringComparison.Ordinal) ? "proxy.key" : "proxy.crt") + ";", 2);
        return $$"""
            worker_processes 1;
            pid {{directory.File("nginx.pid")}};
            error_log {{directory.File("error.log")}} notice;
            events { worker_connections 256; }
            http {
                log_format upstreams '$request_method $uri $status "$upstream_addr"';
                access_log {{directory.File("access.log")}} upstreams;
                client_body_temp_path {{directory.File("client_body")}};
                proxy_temp_path {{directory.File("proxy")}};
                fastcgi_temp_path {{directory.File("fastcgi")}};
                uwsgi_temp_path {{directory.File("uwsgi")}};
                scgi_temp_path {{directory.File("scgi")}};

            {{example}}
            }
            """;
    }

    private static string Replace(string text, Regex pattern, MatchEvaluator replacement, int expected)
    {
        Assert.True(pattern.Count(text) == expected, $"The README's nginx example should have {expected} line(s) matching {pattern}.");
        return pattern.Replace(text, replacement);
    }

    /// <summary>A self-signed certificate for <see cref="PublicHost"/>; returns its SHA-256 hash, the only one the client trusts.</summary>
    private static string WriteCertificate(TempDirectory directory)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + PublicHost, key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(PublicHost);
        request.CertificateExtensions.Add(names.Build());
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        File.WriteAllText(directory.File("proxy.crt"), certificate.ExportCertificatePem());
        File.WriteAllText(directory.File("proxy.key"), key.ExportPkcs8PrivateKeyPem());
        return certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

    private static Process Start(string nginx, TempDirectory directory)
    {
        var start = new ProcessStartInfo(nginx)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory.Path,
        };
        // -e: the error log from the first line on, before the configuration names it (the compiled-in
        // /var/log/nginx is not writable without root).
        foreach (var argument in new[] { "-p", directory.Path, "-c", directory.File("nginx.conf"), "-e", directory.File("error.log"), "-g", "daemon off;" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>True once the port accepts a connection; false if nginx exited first (its error log says why).</summary>
    private static async Task<bool> WaitForListeningAsync(Process process, int port)
    {
        var deadline = Stopwatch.StartNew();
        while (!process.HasExited)
        {
            Assert.True(deadline.Elapsed < StartTimeout, $"nginx did not listen on {port} within {StartTimeout.TotalSeconds:0} s.");
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }

        return false;
    }

    /// <summary>The master and its workers: a worker outlives a master killed alone, holding the port.</summary>
    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"```nginx\n(?<config>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();

    /// <summary>An upstream's <c>server ADDRESS:PORT</c> (not the <c>server {</c> block).</summary>
    [GeneratedRegex(@"(?m)^(?<lead>\s+server\s+)\d+\.\d+\.\d+\.\d+:\d+")]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"listen\s+443\s+ssl;")]
    private static partial Regex ListenHttps();

    [GeneratedRegex(@"(?<directive>ssl_certificate(?:_key)?)\s+\S+;")]
    private static partial Regex CertificateFile();

    /// <summary>Sends every request under the public host name, whatever address it connects to.</summary>
    private sealed class PublicHostHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Host = PublicHost;
            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>One access-log line: the request, nginx's answer, and the instance(s) it tried, in order (<c>$upstream_addr</c>).</summary>
internal sealed partial record ProxiedRequest(string Method, string Path, int Status, IReadOnlyList<string> Upstreams)
{
    public static ProxiedRequest Parse(string line)
    {
        var match = Line().Match(line);
        Assert.True(match.Success, $"Unexpected access-log line: {line}");
        return new ProxiedRequest(
            match.Groups["method"].Value,
            match.Groups["path"].Value,
            int.Parse(match.Groups["status"].Value, CultureInfo.InvariantCulture),
            [.. match.Groups["upstreams"].Value.Split(", ", StringSplitOptions.RemoveEmptyEntries)]);
    }

    [GeneratedRegex("^(?<method>\\S+) (?<path>\\S+) (?<status>\\d+) \"(?<upstreams>[^\"]*)\"$")]
    private static partial Regex Line();
}
