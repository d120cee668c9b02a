using System.ComponentModel.DataAnnotations;

namespace ScribeBot.LiteDb;

/// <summary>Settings of the embedded LiteDB store, bound from <c>Storage:LiteDb</c>.</summary>
public sealed class LiteDbOptions
{
    public const string SectionName = "Storage:LiteDb";

    /// <summary>Data file; its directory is created when missing. LiteDB keeps its write-ahead log beside it (<c>*-log.db</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "data/scribebot.db";

    /// <summary>How often the write-ahead log is folded into the data file.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// LiteDB folds its write-ahead log into the data file as soon as the log holds this many 8 KiB pages, inside
    /// the commit that crossed the mark, so the writes queued behind it wait for the fold: a pause roughly in
    /// proportion to this number. LiteDB's own default (1,000) paused acks about 10 ms every half second at 5,000
    /// Slack events/s (p99 11 ms in bench/Ingest); 250 pauses about 3 ms, four times as often, for the same
    /// throughput (p99 6 ms).
    /// </summary>
    [Range(1, 100_000)]
    public int AutoCheckpointPages { get; set; } = 250;

    /// <summary>
    /// When true, every group commit is also fsync'ed, so an acknowledged write survives power loss, not only a
    /// process crash. See docs/storage.md.
    /// </summary>
    public bool FlushToDisk { get; set; } = true;

    /// <summary>
    /// Longest a caller waits for its write (or read) to finish: past it the caller gets an error, whatever the disk
    /// or the writer is stuck on, so Slack and Teams are answered 500 and redeliver rather than time out on a request
    /// that never ends. Far above a healthy commit (milliseconds); Slack gives up on an answer after 3 s anyway.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most operations committed together in one transaction; bounds a caller's wait behind others.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 2_000;
}
