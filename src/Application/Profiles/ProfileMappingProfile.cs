using AutoMapper;
using CleanApp.Domain.Users;

namespace CleanApp.Application.Profiles;

/// <summary>
/// A user as the caller sees them: on its own (<c>GET /api/profiles/{username}</c>) and as the <c>author</c> of every
/// article and comment, which reuse this map.
/// </summary>
public sealed class ProfileMappingProfile : Profile
{
    public ProfileMappingProfile()
    {
        // Replaced at query time by ProjectTo(..., new { callerId }) and sent as a SQL parameter; null means anonymous.
        Guid? callerId = null;

        CreateMap<User, ProfileDto>()
            .ForMember(d => d.Following, o => o.MapFrom(u => callerId != null && u.Followers.Any(f => f.FollowerId == callerId)));
    }
}
