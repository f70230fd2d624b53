namespace OneOnOne.Api.Identity;

/// <summary>Who the token says the caller is: the claims alone, no person.</summary>
public sealed record AuthenticatedFloorResponse(string? TenantId, string? ObjectId);
