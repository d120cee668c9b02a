namespace ScribeBot.LiteDb.Tests.LiteDb;

public sealed class DataFileLeaseTests
{
    [Fact]
    public void A_file_cannot_be_leased_twice_until_the_first_lease_is_released()
    {
        var path = Path.Combine(Path.GetTempPath(), "lease-" + Guid.NewGuid().ToString("N"), "scribebot.db");

        using (DataFileLease.Acquire(path, TimeSpan.Zero))
        {
            var second = Assert.Throws<IOException>(() => DataFileLease.Acquire(path, TimeSpan.Zero));
            Assert.Contains("still open in this process", second.Message, StringComparison.Ordinal);
            using (DataFileLease.Acquire(path + ".other", TimeSpan.Zero))
            {
                // Another file is not held up by this one.
            }
        }

        using (DataFileLease.Acquire(path, TimeSpan.Zero))
        {
            // Released: the next open gets it at once.
        }
    }

    [Fact]
    public async Task An_open_store_holds_its_file_until_disposed()
    {
        using var directory = new TempDirectory();
        var path = Path.GetFullPath(directory.File("scribebot.db"));
        var store = StoreFactory.Open(path);

        Assert.Throws<IOException>(() => DataFileLease.Acquire(path, TimeSpan.Zero));
        await store.DisposeAsync();

        using var lease = DataFileLease.Acquire(path, TimeSpan.Zero);
    }
}
