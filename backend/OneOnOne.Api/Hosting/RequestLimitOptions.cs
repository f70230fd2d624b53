namespace OneOnOne.Api.Hosting;

/// <summary>How much one caller may write, and how large and deep a request may be.</summary>
public sealed class RequestLimitOptions
{
    public const string Section = "RequestLimits";

    /// <summary>Writes (POST, PUT, PATCH, DELETE) per caller per window. The panes save as people type, so not too few.</summary>
    public int WritesPerWindow { get; set; } = 120;

    /// <summary>Uploads of a notes document per caller per window: each one is parsed and validated whole.</summary>
    public int UploadsPerWindow { get; set; } = 10;

    /// <summary>
    /// Notes documents opened per caller (or, for a recap's link, per client address) per window: each one is built from
    /// the meeting's whole content, and a leaked link must not be a download loop.
    /// </summary>
    public int DocumentsPerWindow { get; set; } = 30;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The largest request body, except where an endpoint sets its own limit (the document upload).</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The deepest JSON a request may nest; the API's own bodies need fewer than ten levels.</summary>
    public int MaxJsonDepth { get; set; } = 32;
}
