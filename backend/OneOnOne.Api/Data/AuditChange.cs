namespace OneOnOne.Api.Data;

public enum AuditChange
{
    Added,
    Modified,
    Deleted,
}
