using System.Linq.Expressions;
using CleanApp.Domain.Users;

namespace CleanApp.Application.Accounts;

/// <summary>An account's status as queries see it; the same rule as <see cref="User.IsSuspendedAt"/>, in SQL.</summary>
public static class AccountStatus
{
    public const string Active = "active";
    public const string Suspended = "suspended";

    public static readonly IReadOnlyList<string> All = [Active, Suspended];

    public static Expression<Func<User, bool>> IsSuspendedAt(DateTime now) =>
        u => u.SuspendedAt != null && (u.SuspendedUntil == null || u.SuspendedUntil > now);

    public static Expression<Func<User, bool>> IsActiveAt(DateTime now) =>
        u => u.SuspendedAt == null || (u.SuspendedUntil != null && u.SuspendedUntil <= now);
}
