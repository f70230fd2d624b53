using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneOnOne.Api.Data.Configurations;

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.Property(a => a.TenantId).HasMaxLength(Limits.TenantId);
        builder.Property(a => a.Text).HasMaxLength(Limits.AgendaText);
        builder.Property(a => a.PromptKey).HasMaxLength(80);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne(a => a.Meeting).WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Author).WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.SeriesId, a.DiscussedInMeetingId });
        builder.HasIndex(a => a.MeetingId);
    }
}
