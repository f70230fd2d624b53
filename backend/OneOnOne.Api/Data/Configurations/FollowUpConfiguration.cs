using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneOnOne.Api.Data.Configurations;

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.Property(f => f.TenantId).HasMaxLength(Limits.TenantId);
        builder.Property(f => f.Kind).HasMaxLength(32);
        builder.Property(f => f.Status).HasMaxLength(16);
        builder.Property(f => f.LastError).HasMaxLength(Limits.FollowUpError);
        builder.Property(f => f.TransportMessageId).HasMaxLength(512);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasOne(f => f.Meeting).WithMany().HasForeignKey(f => f.MeetingId).IsRequired(false).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Recipient).WithMany().HasForeignKey(f => f.RecipientId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(f => f.Key).HasMaxLength(40);
        builder.HasIndex(f => new { f.RecipientId, f.Kind, f.Key }).IsUnique();
        builder.HasIndex(f => f.MeetingId);
        builder.HasIndex(f => new { f.Status, f.DueUtc });
    }
}
