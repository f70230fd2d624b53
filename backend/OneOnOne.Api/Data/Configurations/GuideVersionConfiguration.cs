using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneOnOne.Api.Data.Configurations;

internal sealed class GuideVersionConfiguration : IEntityTypeConfiguration<GuideVersion>
{
    public void Configure(EntityTypeBuilder<GuideVersion> builder)
    {
        builder.Property(g => g.TenantId).HasMaxLength(Limits.TenantId);
        builder.Property(g => g.ChangedByName).HasMaxLength(Limits.DisplayName);
        builder.Property(g => g.Change).HasMaxLength(1000);
        builder.HasIndex(g => new { g.TenantId, g.Number }).IsUnique();
    }
}
