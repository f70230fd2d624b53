using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneOnOne.Api.Data.Configurations;

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> builder)
    {
        builder.Property(a => a.TenantId).HasMaxLength(Limits.TenantId);
        builder.Property(a => a.Text).HasMaxLength(Limits.ActionText);
        builder.Property(a => a.Status).HasMaxLength(16);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne(a => a.Series).WithMany().HasForeignKey(a => a.SeriesId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Owner).WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        // Covers the pane's counts (done, done on time, overdue), so they read the index and not the rows.
        builder.HasIndex(a => new { a.SeriesId, a.Status, a.DueDate, a.CompletedUtc });
        builder.HasIndex(a => a.CreatedInMeetingId);
        builder.HasIndex(a => a.CompletedInMeetingId);
        builder.HasIndex(a => new { a.OwnerId, a.Status, a.DueDate });
    }
}
