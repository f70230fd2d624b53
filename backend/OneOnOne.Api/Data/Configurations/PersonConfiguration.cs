using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneOnOne.Api.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.TenantId).HasMaxLength(Limits.TenantId);
        builder.Property(p => p.ObjectId).HasMaxLength(Limits.ObjectId);
        builder.Property(p => p.DisplayName).HasMaxLength(Limits.DisplayName);
        builder.Property(p => p.Email).HasMaxLength(Limits.Email);
        builder.Property(p => p.NormalizedEmail).HasMaxLength(Limits.Email);
        builder.Property(p => p.Language).HasMaxLength(8);
        builder.Property(p => p.TimeZone).HasMaxLength(Limits.TimeZone);
        builder.Property(p => p.AccountState).HasMaxLength(16);
        // Not unique: an address is an attribute that moves (a departed person's address given to a new hire).
        builder.HasIndex(p => new { p.TenantId, p.NormalizedEmail });
        builder.HasIndex(p => new { p.TenantId, p.ObjectId }).IsUnique();
    }
}
