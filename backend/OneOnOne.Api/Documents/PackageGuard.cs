using System.IO.Compression;
using System.Xml;

namespace OneOnOne.Api.Documents;

/// <summary>
/// Looks inside an uploaded .docx before OpenXML does: a zip bomb (a small file that unpacks to gigabytes or to
/// thousands of parts) and XML that nests deep enough to exhaust the stack or declares a DTD are refused while
/// unpacking, with the sizes actually read rather than the ones the zip claims.
/// </summary>
public static class PackageGuard
{
    public const int MaxUploadBytes = 10 * 1024 * 1024;
    public const int MaxUnpackedBytes = 64 * 1024 * 1024;
    public const int MaxEntries = 500;
    private const int MaxXmlDepth = 128;

    public static void Check(byte[] package)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw new InvalidNotesDocumentException(DocumentTexts.NotAZip);
        }

        using (zip)
        {
            if (zip.Entries.Count > MaxEntries)
            {
                throw TooMuch();
            }

            long budget = MaxUnpackedBytes;
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > budget)
                {
                    throw TooMuch();
                }

                try
                {
                    var isXml = LooksLikeXml(entry);
                    using var content = new BudgetStream(entry.Open(), budget);
                    if (isXml)
                    {
                        ScanXml(content);
                    }
                    else
                    {
                        content.CopyTo(Stream.Null);
                    }

                    budget -= content.BytesRead;
                }
                catch (Exception e) when (e is InvalidDataException or NotSupportedException or XmlException)
                {
                    throw new InvalidNotesDocumentException(DocumentTexts.NotAWordDocument);
                }
            }
        }
    }

    /// <summary>
    /// By its first bytes, not its name: a package may give its main document any part name, and OpenXML's loading of
    /// deeply nested XML must never be reached.
    /// </summary>
    private static bool LooksLikeXml(ZipArchiveEntry entry)
    {
        using var head = entry.Open();
        Span<byte> start = stackalloc byte[64];
        var length = head.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        var bytes = start[..length];
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return true;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var first = bytes.IndexOfAnyExcept(" \t\r\n"u8);
        return first >= 0 && bytes[first] == (byte)'<';
    }

    private static void ScanXml(Stream content)
    {
        using var reader = XmlReader.Create(content, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        while (reader.Read())
        {
            if (reader.Depth > MaxXmlDepth)
            {
                throw new XmlException("The XML nests too deep.");
            }
        }
    }

    private static InvalidNotesDocumentException TooMuch() =>
        new(DocumentTexts.Unpacked, StatusCodes.Status400BadRequest, MaxUnpackedBytes / 1024 / 1024, MaxEntries);

    /// <summary>Counts what is really unpacked and stops at the budget, whatever the zip's headers claim.</summary>
    private sealed class BudgetStream(Stream inner, long budget) : Stream
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

        private int Counted(int read)
        {
            BytesRead += read;
            return BytesRead > budget ? throw TooMuch() : read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

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

/// <summary>An upload that is not a meeting-notes document of this meeting; says why in the caller's language.</summary>
public sealed class InvalidNotesDocumentException(Localization.Text reason, int status = StatusCodes.Status400BadRequest, params object[] args)
    : Exception(reason.En)
{
    public Localization.Text Reason { get; } = reason;
    public int Status { get; } = status;
    public object[] Args { get; } = args;
}
