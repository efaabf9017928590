using CleanApp.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Common.Interfaces;

/// <summary>The unit of work handlers use directly (no generic repository). One instance per request or job scope.</summary>
public interface IApplicationDbContext
{
    DbSet<User> Users { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one database transaction, committed only if it returns normally.</summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
