using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Domain.Moderation;

namespace CleanApp.Application.Moderation;

internal static class FlagRules
{
    public static ConflictException AlreadyOpen() => new("flag", "is already open for this content");

    /// <summary>The unique index on open flags decides between two concurrent flags by one user: the loser gets the same 409.</summary>
    public static async Task SaveNewAsync(IApplicationDbContext db, Flag flag, CancellationToken cancellationToken)
    {
        db.Flags.Add(flag);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            db.Flags.Remove(flag);
            throw AlreadyOpen();
        }
    }
}
