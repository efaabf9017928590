using CleanApp.Application.Common.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanApp.Infrastructure.Persistence.Configurations;

/// <summary>
/// The publishing roles exist in every database from the migration that introduced them (fixed ids and stamps, so the
/// model never drifts); ops roles are still created on demand by <c>create-ops-user</c>.
/// </summary>
public sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole<Guid>>
{
    public static readonly Guid UserRoleId = new("3f1c8a52-6d0e-4b7a-9c51-0a2e7d4b1c01");
    public static readonly Guid EditorRoleId = new("3f1c8a52-6d0e-4b7a-9c51-0a2e7d4b1c02");
    public static readonly Guid AdminRoleId = new("3f1c8a52-6d0e-4b7a-9c51-0a2e7d4b1c03");

    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> builder) =>
        builder.HasData(Role(UserRoleId, Roles.User), Role(EditorRoleId, Roles.Editor), Role(AdminRoleId, Roles.Admin));

    private static IdentityRole<Guid> Role(Guid id, string name) =>
        new()
        {
            Id = id,
            Name = name,
            NormalizedName = name.ToUpperInvariant(),
            ConcurrencyStamp = id.ToString("N"),
        };
}
