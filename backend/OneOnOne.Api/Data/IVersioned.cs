namespace OneOnOne.Api.Data;

/// <summary>
/// Rows edited by both participants. The token is managed by the application (not a provider row version)
/// so the same optimistic concurrency works on SQLite, SQL Server and PostgreSQL.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
