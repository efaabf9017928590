using AutoMapper;
using CleanApp.Domain.Users;

namespace CleanApp.Application.Users;

/// <summary>Read side only: email and token come from the identity store and the token service, not the entity.</summary>
public sealed class UserMappingProfile : Profile
{
    public UserMappingProfile() =>
        CreateMap<User, UserDto>().ForMember(d => d.Email, o => o.Ignore()).ForMember(d => d.Token, o => o.Ignore());
}
