using CleanApp.Domain.Common;
using CleanApp.Domain.Profiles;

namespace CleanApp.Domain.Users;

/// <summary>
/// A person's public identity on the platform (username, bio, image). Credentials live in the identity store under the
/// same <see cref="Id"/>; this entity never sees a password or an email.
/// </summary>
public sealed class User : BaseEntity, IAuditable
{
    private readonly List<Follow> _followers = [];

    private User(Guid id, string username)
    {
        Id = id;
        Username = username;
        NormalizedUsername = Normalize(username);
    }

    public Guid Id { get; private set; }

    public string Username { get; private set; }

    /// <summary>Usernames are unique regardless of case; lookups by username use this column.</summary>
    public string NormalizedUsername { get; private set; }

    public string? Bio { get; private set; }

    public string? Image { get; private set; }

    /// <summary>
    /// Navigation for read-side projections (<c>following</c>); never loaded by commands, which add and remove
    /// <see cref="Follow"/> rows by their key.
    /// </summary>
    public IReadOnlyCollection<Follow> Followers => _followers.AsReadOnly();

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// Set by a successful sign-in with one keyed UPDATE (not through <see cref="UpdatedAt"/>'s auditing: signing in is not
    /// an edit of the profile).
    /// </summary>
    public DateTime? LastSignInAt { get; private set; }

    /// <summary>When an administrator suspended the account; null when it is not suspended.</summary>
    public DateTime? SuspendedAt { get; private set; }

    /// <summary>The end of the suspension; null means until it is lifted.</summary>
    public DateTime? SuspendedUntil { get; private set; }

    public string? SuspensionReason { get; private set; }

    public static User Register(Guid id, string username)
    {
        var user = new User(id, RequireUsername(username));
        user.AddDomainEvent(new UserRegisteredEvent(id));
        return user;
    }

    public static string Normalize(string username) => username.ToUpperInvariant();

    public void Rename(string username)
    {
        Username = RequireUsername(username);
        NormalizedUsername = Normalize(Username);
    }

    /// <summary>An empty bio is stored as null (shared/API.md: <c>""</c> and <c>null</c> both clear it).</summary>
    public void ChangeBio(string? bio) => Bio = string.IsNullOrEmpty(bio) ? null : bio;

    public void ChangeImage(string? image) => Image = string.IsNullOrEmpty(image) ? null : image;

    /// <summary>A suspension is in force from when it was set until its end (if it has one) or until it is lifted.</summary>
    public bool IsSuspendedAt(DateTime now) => SuspendedAt is not null && (SuspendedUntil is null || SuspendedUntil > now);

    /// <summary>Suspends the account, or replaces the reason and end of a suspension already in force.</summary>
    public void Suspend(string reason, DateTime? until, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("reason", "can't be blank");
        }

        if (reason.Length > UserConstraints.ReasonMaxLength)
        {
            throw new DomainException("reason", $"is too long (maximum is {UserConstraints.ReasonMaxLength} characters)");
        }

        if (until is { } end && end <= now)
        {
            throw new DomainException("until", "must be in the future");
        }

        SuspendedAt = now;
        SuspendedUntil = until;
        SuspensionReason = reason;
    }

    public void LiftSuspension(DateTime now)
    {
        if (!IsSuspendedAt(now))
        {
            throw new DomainException("account", "is not suspended");
        }

        SuspendedAt = null;
        SuspendedUntil = null;
        SuspensionReason = null;
    }

    private static string RequireUsername(string username)
    {
        if (string.IsNullOrWhiteSpace(username))
        {
            throw new DomainException("username", "can't be blank");
        }

        if (username.Length > UserConstraints.UsernameMaxLength)
        {
            throw new DomainException("username", $"is too long (maximum is {UserConstraints.UsernameMaxLength} characters)");
        }

        return username;
    }
}
