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
    /// When true, every group commit is also fsync'ed, so an acknowledged write survives power loss, not only a
    /// process crash. See docs/storage.md.
    /// </summary>
    public bool FlushToDisk { get; set; } = true;

    /// <summary>Most operations committed together in one transaction; bounds a caller's wait behind others.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 2_000;
}
