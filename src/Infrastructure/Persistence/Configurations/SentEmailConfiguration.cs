using CleanApp.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanApp.Infrastructure.Persistence.Configurations;

public sealed class SentEmailConfiguration : IEntityTypeConfiguration<SentEmail>
{
    public void Configure(EntityTypeBuilder<SentEmail> builder)
    {
        builder.ToTable("SentEmails");

        // The key is the primary key: two runs of one batch cannot both mark the same email.
        builder.HasKey(e => e.Key);
        builder.Property(e => e.Key).HasMaxLength(SentEmail.KeyMaxLength);
        builder.HasIndex(e => e.SentAt);
    }
}
