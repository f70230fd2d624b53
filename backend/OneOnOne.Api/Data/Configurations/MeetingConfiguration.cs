using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneOnOne.Api.Data.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Property(m => m.TenantId).HasMaxLength(Limits.TenantId);
        builder.Property(m => m.Subject).HasMaxLength(Limits.Subject);
        builder.Property(m => m.Goal).HasMaxLength(Limits.Goal);
        builder.Property(m => m.Status).HasMaxLength(16);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne(m => m.Series).WithMany(s => s.Meetings).HasForeignKey(m => m.SeriesId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.SeriesId, m.StartUtc }).IsUnique();
        // Covers the pane's previous/next meeting and its counts of meetings before and held.
        builder.HasIndex(m => new { m.SeriesId, m.Status, m.StartUtc, m.EndUtc });
        builder.HasIndex(m => new { m.TenantId, m.StartUtc });
        builder.HasIndex(m => new { m.LinkedEventId, m.OriginalStartUtc });
    }
}
