using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneOnOne.Api.Data.Configurations;

internal sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> builder)
    {
        builder.Property(n => n.TenantId).HasMaxLength(Limits.TenantId);
        builder.Property(n => n.Text).HasMaxLength(Limits.NoteText);
        builder.Property(n => n.Visibility).HasMaxLength(16);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.HasOne(n => n.Meeting).WithMany().HasForeignKey(n => n.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.MeetingId, n.OwnerKey }).IsUnique();
    }
}
