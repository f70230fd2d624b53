namespace OneOnOne.Api.Data;

/// <summary>
/// Notes of one meeting: one shared note both participants edit, and one private note per author.
/// </summary>
public sealed class Note : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string TenantId { get; set; }

    public Guid MeetingId { get; set; }
    public Meeting Meeting { get; set; } = null!;

    public NoteVisibility Visibility { get; private set; }

    /// <summary>
    /// Guid.Empty for the shared note, the author for a private one. Makes "one shared note per meeting,
    /// one private note per author" a single unique index that works the same on every provider
    /// (nullable unique columns do not).
    /// </summary>
    public Guid OwnerKey { get; private set; }

    /// <summary>The last person who wrote in the note.</summary>
    public Guid AuthorId { get; set; }

    public string Text { get; set; } = "";

    public DateTime UpdatedUtc { get; set; } = DateTime.UtcNow;
    public Guid Version { get; set; } = Guid.NewGuid();

    public static Note Shared(Meeting meeting, Guid authorId) => new()
    {
        TenantId = meeting.TenantId,
        MeetingId = meeting.Id,
        Visibility = NoteVisibility.Shared,
        OwnerKey = Guid.Empty,
        AuthorId = authorId,
    };

    public static Note Private(Meeting meeting, Guid authorId) => new()
    {
        TenantId = meeting.TenantId,
        MeetingId = meeting.Id,
        Visibility = NoteVisibility.Private,
        OwnerKey = authorId,
        AuthorId = authorId,
    };
}
