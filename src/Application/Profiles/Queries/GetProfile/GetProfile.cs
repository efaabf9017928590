using AutoMapper;
using CleanApp.Application.Common.Interfaces;
using MediatR;

namespace CleanApp.Application.Profiles.Queries.GetProfile;

/// <summary>Anyone may read a profile; <c>following</c> is computed for the caller when there is one.</summary>
public sealed record GetProfileQuery(string Username) : IRequest<ProfileDto>;

public sealed class GetProfileQueryHandler(IApplicationDbContext db, ICurrentUser currentUser, IConfigurationProvider mapping)
    : IRequestHandler<GetProfileQuery, ProfileDto>
{
    public Task<ProfileDto> Handle(GetProfileQuery request, CancellationToken cancellationToken) =>
        ProfileQueries.GetByUsernameAsync(db, mapping, request.Username, currentUser.Id, cancellationToken);
}
