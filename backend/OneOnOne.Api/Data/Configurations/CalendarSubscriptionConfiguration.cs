using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneOnOne.Api.Data.Configurations;

internal sealed class CalendarSubscriptionConfiguration : IEntityTypeConfiguration<CalendarSubscription>
{
    public void Configure(EntityTypeBuilder<CalendarSubscription> builder)
    {
        builder.Property(s => s.TenantId).HasMaxLength(Limits.TenantId);
        builder.Property(s => s.SubscriptionId).HasMaxLength(Limits.OutlookId);
        builder.Property(s => s.ClientStateHash).HasMaxLength(64);
        builder.HasOne(s => s.Organizer).WithMany().HasForeignKey(s => s.OrganizerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.SubscriptionId).IsUnique();
        builder.HasIndex(s => new { s.TenantId, s.OrganizerId }).IsUnique();
        builder.HasIndex(s => s.ExpiresUtc);
    }
}
