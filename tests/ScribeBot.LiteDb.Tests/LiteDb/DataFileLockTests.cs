using System.Globalization;

namespace ScribeBot.LiteDb.Tests.LiteDb;

/// <summary>One data file, one process: the OS lock on <c>&lt;datafile&gt;.lock</c>.</summary>
public sealed class DataFileLockTests : DataFileTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_second_process_on_the_same_file_is_refused_naming_the_file_and_the_holders_pid_and_the_first_keeps_writing()
    {
        var path = Path.GetFullPath(Temp.File("scribebot.db"));
        await using var store = StoreFactory.Open(path);
        await store.AppendEntryAsync(Entry("slack:T1:1", "before"), CancellationToken.None);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CrashTests.CrashWriterPath());
        start.ArgumentList.Add(path);
        start.ArgumentList.Add("1");
        start.ArgumentList.Add("10");
        using var second = Process.Start(start) ?? throw new InvalidOperationException("could not start the second process");
        var stdout = second.StandardOutput.ReadToEndAsync();
        var stderr = second.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        await second.WaitForExitAsync(timeout.Token);

        Assert.NotEqual(0, second.ExitCode);
        // It wrote nothing: no acknowledgement line.
        Assert.Equal("", await stdout);
        var error = await stderr;
        Assert.Contains($"The data file {path} is in use by another process (pid {Environment.ProcessId}", error, StringComparison.Ordinal);
        Assert.Equal(AppendResult.Added, await store.AppendEntryAsync(Entry("slack:T1:1", "after"), CancellationToken.None));
        var stored = await store.GetTimelineAsync("slack:T1:1", CancellationToken.None);
        Assert.Equal(["before", "after"], stored.Select(e => e.MessageId));
    }

    [Fact]
    public void A_second_open_in_this_process_is_refused_too_while_the_first_lock_is_held()
    {
        var path = Path.GetFullPath(Temp.File("scribebot.db"));
        using (DataFileLock.Acquire(path))
        {
            var refused = Assert.Throws<DataFileInUseException>(() => DataFileLock.Acquire(path));
            Assert.Equal(Environment.ProcessId, refused.HolderProcessId);
            Assert.Equal(path, refused.DataFile);
        }

        using var again = DataFileLock.Acquire(path);
    }

    [Fact]
    public async Task A_lock_file_left_by_a_dead_process_does_not_block_a_start()
    {
        var path = Path.GetFullPath(Temp.File("scribebot.db"));
        // What a SIGKILLed host leaves: the file with its pid, and no lock (the OS dropped it with the process).
        File.WriteAllText(path + ".lock", "999999\n");

        await using (var store = StoreFactory.Open(path))
        {
            Assert.Equal(AppendResult.Added, await store.AppendEntryAsync(Entry("i1", "m1"), CancellationToken.None));
        }

        // Read only once the store let go: any handle to the lock file closed in the holding process drops its lock.
        Assert.Equal(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), File.ReadAllText(path + ".lock").Trim());
    }
}
