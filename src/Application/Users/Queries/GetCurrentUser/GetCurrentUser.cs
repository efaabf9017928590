using AutoMapper;
using AutoMapper.QueryableExtensions;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Users.Queries.GetCurrentUser;

[Authorize]
public sealed record GetCurrentUserQuery : IRequest<UserDto>;

public sealed class GetCurrentUserQueryHandler(
    IApplicationDbContext db,
    ICurrentUser currentUser,
    IIdentityService identity,
    ITokenService tokens,
    IConfigurationProvider mapping
) : IRequestHandler<GetCurrentUserQuery, UserDto>
{
    public async Task<UserDto> Handle(GetCurrentUserQuery request, CancellationToken cancellationToken)
    {
        var userId = currentUser.Id!.Value;
        var user = await db
            .Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .ProjectTo<UserDto>(mapping)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new AuthenticationFailedException("token", "is invalid");
        var email = await identity.GetEmailAsync(userId, cancellationToken)
            ?? throw new AuthenticationFailedException("token", "is invalid");
        return user with { Email = email, Token = await tokens.CreateTokenAsync(userId, cancellationToken) };
    }
}
