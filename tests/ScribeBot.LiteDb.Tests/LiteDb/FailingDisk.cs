namespace ScribeBot.LiteDb.Tests.LiteDb;

/// <summary>
/// Puts LiteDB on the real files through streams that can be told to fail their writes as a full disk does: part of
/// the bytes written, then "No space left on device". Opens the files again at each open, as the store's reopen does.
/// </summary>
internal sealed class FailingDisk : IDisposable
{
    private readonly List<Stream> _streams = [];
    private volatile bool _full;

    /// <summary>While true, every write to either file writes half its bytes and throws.</summary>
    public bool Full
    {
        get => _full;
        set => _full = value;
    }

    public int Opens { get; private set; }

    public LiteDatabase Open(string path)
    {
        lock (_streams)
        {
            Opens++;
            var logPath = Path.Combine(
                Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));
            var data = new FailingStream(File(path), this);
            var log = new FailingStream(File(logPath), this);
            _streams.Add(data);
            _streams.Add(log);
            return new LiteDatabase(data, logStream: log);
        }
    }

    public void Dispose()
    {
        lock (_streams)
        {
            _streams.ForEach(s => s.Dispose());
        }
    }

    private static FileStream File(string path) =>
        new(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 1);

    private sealed class FailingStream(FileStream inner, FailingDisk disk) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => inner.Position = value;
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => inner.SetLength(value);

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (disk.Full)
            {
                inner.Write(buffer, offset, count / 2);
                inner.Flush();
                throw new IOException("No space left on device");
            }

            inner.Write(buffer, offset, count);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
