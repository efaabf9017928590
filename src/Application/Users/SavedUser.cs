using CleanApp.Domain.Users;

namespace CleanApp.Application.Users;

/// <summary>
/// The answer of the commands that have just saved the user (register, update). It is built from the entity in memory:
/// a projection (<see cref="UserMappingProfile"/>, used by the reads) would cost a query that only reads back what was
/// written. Built by hand, not by <c>IMapper.Map</c>: the application never maps object graphs in memory (ADR 0015).
/// </summary>
internal static class SavedUser
{
    public static UserDto ToDto(User user, string email, string token) =>
        new()
        {
            Email = email,
            Token = token,
            Username = user.Username,
            Bio = user.Bio,
            Image = user.Image,
        };
}
