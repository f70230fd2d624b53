using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneOnOne.Api.Data.Configurations;

internal sealed class LinkedEventConfiguration : IEntityTypeConfiguration<LinkedEvent>
{
    public void Configure(EntityTypeBuilder<LinkedEvent> builder)
    {
        builder.Property(l => l.TenantId).HasMaxLength(Limits.TenantId);
        builder.Property(l => l.ICalUId).HasMaxLength(Limits.OutlookId);
        builder.Property(l => l.OrganizerEventId).HasMaxLength(Limits.OutlookId);
        builder.Property(l => l.State).HasMaxLength(16);
        builder.Property(l => l.StateReason).HasMaxLength(Limits.StateReason);
        builder.HasOne(l => l.Series).WithMany().HasForeignKey(l => l.SeriesId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Organizer).WithMany().HasForeignKey(l => l.OrganizerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.TenantId, l.ICalUId }).IsUnique();
        builder.HasIndex(l => l.SeriesId);
        // The reconciliation takes the longest-unchecked events first.
        builder.HasIndex(l => new { l.State, l.CheckedUtc });
    }
}
