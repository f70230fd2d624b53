namespace OneOnOne.Api.Data;

public sealed class ActionItem : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string TenantId { get; set; }

    public Guid SeriesId { get; set; }
    public Series Series { get; set; } = null!;

    public Guid CreatedInMeetingId { get; set; }

    public Guid OwnerId { get; set; }
    public Person Owner { get; set; } = null!;

    public Guid CreatedById { get; set; }

    public required string Text { get; set; }

    public DateOnly? DueDate { get; set; }

    public ActionStatus Status { get; set; } = ActionStatus.Open;

    public DateTime? CompletedUtc { get; set; }

    public Guid? CompletedInMeetingId { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
    public Guid Version { get; set; } = Guid.NewGuid();
}
