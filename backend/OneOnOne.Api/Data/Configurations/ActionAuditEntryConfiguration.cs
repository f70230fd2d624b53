using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneOnOne.Api.Data.Configurations;

internal sealed class ActionAuditEntryConfiguration : IEntityTypeConfiguration<ActionAuditEntry>
{
    public void Configure(EntityTypeBuilder<ActionAuditEntry> builder)
    {
        builder.Property(a => a.TenantId).HasMaxLength(Limits.TenantId);
        builder.Property(a => a.Change).HasMaxLength(16);
        builder.HasOne(a => a.Series).WithMany().HasForeignKey(a => a.SeriesId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.ActionItemId, a.ChangedUtc });
        builder.HasIndex(a => a.SeriesId);
    }
}
