namespace OneOnOne.Api.Data;

/// <summary>
/// Who the current request acts for. Filled once per request by the identity feature from the validated token;
/// the database context filters every query with it, so a query cannot forget the tenant or the participants.
/// </summary>
public sealed class CallerScope
{
    public string? TenantId { get; private set; }
    public Guid? PersonId { get; private set; }

    public void Set(string tenantId, Guid? personId)
    {
        TenantId = tenantId;
        PersonId = personId;
    }
}
