namespace OneOnOne.Api.Data;

/// <summary>One changed field of an action item, with its values written as text (null: no value).</summary>
public sealed record AuditedField(string Field, string? Old, string? New);
