using AutoMapper;
using AutoMapper.QueryableExtensions;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Users.Commands.LoginUser;

/// <summary>A command, not a query: a failed attempt counts towards the account's lockout.</summary>
public sealed record LoginUserCommand(string? Email, string? Password) : IRequest<UserDto>
{
    public override string ToString() => $"LoginUserCommand {{ Email = {Email} }}";
}

public sealed class LoginUserCommandHandler(
    IApplicationDbContext db,
    IIdentityService identity,
    ITokenService tokens,
    IConfigurationProvider mapping
) : IRequestHandler<LoginUserCommand, UserDto>
{
    public async Task<UserDto> Handle(LoginUserCommand request, CancellationToken cancellationToken)
    {
        var outcome = await identity.CheckCredentialsAsync(request.Email!, request.Password!);
        switch (outcome.Status)
        {
            case SignInStatus.LockedOut:
                throw new AuthenticationFailedException("credentials", "locked out after repeated failures; try again later");
            case SignInStatus.Invalid:
                throw AuthenticationFailedException.InvalidCredentials();
        }

        var userId = outcome.UserId!.Value;
        var user = await db
            .Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .ProjectTo<UserDto>(mapping)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw AuthenticationFailedException.InvalidCredentials();
        var email = await identity.GetEmailAsync(userId, cancellationToken) ?? request.Email!;
        return user with { Email = email, Token = tokens.CreateToken(userId) };
    }
}
