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
