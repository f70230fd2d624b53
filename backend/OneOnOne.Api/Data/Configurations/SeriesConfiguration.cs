using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneOnOne.Api.Data.Configurations;

internal sealed class SeriesConfiguration : IEntityTypeConfiguration<Series>
{
    public void Configure(EntityTypeBuilder<Series> builder)
    {
        builder.Property(s => s.TenantId).HasMaxLength(Limits.TenantId);
        builder.Property(s => s.PairKey).HasMaxLength(65);
        builder.Property(s => s.TemplateKey).HasMaxLength(Limits.GuideKey);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne(s => s.Manager).WithMany().HasForeignKey(s => s.ManagerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Report).WithMany().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.TenantId, s.PairKey }).IsUnique();
        builder.HasIndex(s => s.ManagerId);
        builder.HasIndex(s => s.ReportId);
    }
}
