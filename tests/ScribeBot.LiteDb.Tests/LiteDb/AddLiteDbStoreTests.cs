using Microsoft.Extensions.Hosting;

namespace ScribeBot.LiteDb.Tests.LiteDb;

public sealed class AddLiteDbStoreTests : DataFileTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging()
            .AddLiteDbStore()
            .BuildServiceProvider();

    [Fact]
    public async Task The_store_is_one_singleton_bound_from_Storage_LiteDb_and_closed_by_the_hosted_service()
    {
        var path = Path.Combine(Temp.Path, "sub", "bot.db");
        await using var services = Build(new() { ["Storage:LiteDb:Path"] = path, ["Storage:LiteDb:CheckpointInterval"] = "00:00:30" });
        var hosted = Assert.Single(services.GetServices<IHostedService>());
        await hosted.StartAsync(CancellationToken.None);

        var store = services.GetRequiredService<IIncidentStore>();
        Assert.Same(store, services.GetRequiredService<IIncidentStore>());
        // One file, one instance: a command's change and its posts share a commit.
        Assert.Same(store, services.GetRequiredService<IOutboxStore>());
        Assert.Same(store, services.GetRequiredService<IAdapterStateStore>());
        Assert.Equal(TimeSpan.FromSeconds(30), services.GetRequiredService<IOptions<LiteDbOptions>>().Value.CheckpointInterval);
        await store.AppendEntryAsync(Entry("i1", "m1"), CancellationToken.None);
        await hosted.StopAsync(CancellationToken.None);

        Assert.True(File.Exists(path));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.AppendEntryAsync(Entry("i1", "m2"), CancellationToken.None));
    }

    [Fact]
    public async Task An_empty_path_fails_validation()
    {
        await using var services = Build(new() { ["Storage:LiteDb:Path"] = "" });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LiteDbOptions>>().Value);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:10:01")]
    public async Task A_write_timeout_out_of_range_fails_validation_naming_it(string value)
    {
        await using var services = Build(new() { ["Storage:LiteDb:Path"] = Temp.File("bot.db"), ["Storage:LiteDb:WriteTimeout"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LiteDbOptions>>().Value);
        Assert.Contains("WriteTimeout", error.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(10), new LiteDbOptions().WriteTimeout);
    }

    [Fact]
    public void The_path_defaults_to_data_scribebot_db()
    {
        Assert.Equal("data/scribebot.db", new LiteDbOptions().Path);
        Assert.Equal("Storage:LiteDb", LiteDbOptions.SectionName);
    }
}
