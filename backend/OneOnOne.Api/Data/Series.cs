namespace OneOnOne.Api.Data;

/// <summary>The 1-on-1 relationship of exactly two people of one tenant.</summary>
public sealed class Series : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string TenantId { get; set; }

    public Guid ManagerId { get; set; }
    public Person Manager { get; set; } = null!;

    public Guid ReportId { get; set; }
    public Person Report { get; set; } = null!;

    /// <summary>Both people, order-independent: one series per pair whoever is manager.</summary>
    public string PairKey { get; private set; } = "";

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>How many of the series' action items are done; kept by <see cref="ActionTally"/>, never set by hand.</summary>
    public int ActionsDone { get; private set; }

    /// <summary>How many of those were done by their due date (or had none); kept by <see cref="ActionTally"/>.</summary>
    public int ActionsDoneOnTime { get; private set; }

    /// <summary>The agenda template of the tenant's guide this series chose (its standing items go on every new meeting).</summary>
    public string? TemplateKey { get; set; }

    public List<Meeting> Meetings { get; } = [];

    public void SetParticipants(Guid managerId, Guid reportId)
    {
        if (managerId == reportId)
        {
            throw new ArgumentException("A 1-on-1 needs two different people.", nameof(reportId));
        }

        ManagerId = managerId;
        ReportId = reportId;
        PairKey = PairKeyOf(managerId, reportId);
    }

    public static string PairKeyOf(Guid a, Guid b) =>
        a.CompareTo(b) < 0 ? $"{a:N}:{b:N}" : $"{b:N}:{a:N}";

    public bool HasParticipant(Guid personId) => personId == ManagerId || personId == ReportId;

    public ParticipantRole RoleOf(Guid personId) =>
        personId == ManagerId ? ParticipantRole.Manager : ParticipantRole.Report;

    public Guid OtherParticipant(Guid personId) => personId == ManagerId ? ReportId : ManagerId;

    /// <summary>The other one of the two (Manager and Report must be loaded).</summary>
    public Person OtherPerson(Guid personId) => personId == ManagerId ? Report : Manager;
}
