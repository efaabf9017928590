using System.Text.Json.Serialization;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using CleanApp.Application.Accounts;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Users.Commands.LoginUser;

/// <summary>
/// A command, not a query: every attempt counts towards the sign-in throttle of the account and the client address
/// (docs/decisions/0031-sign-in-throttling.md).
/// </summary>
public sealed record LoginUserCommand(string? Email, string? Password) : IRequest<UserDto>
{
    /// <summary>Set by the host from the connection, never read from the body (a client could name any address).</summary>
    [JsonIgnore]
    public string? ClientAddress { get; init; }

    public override string ToString() => $"LoginUserCommand {{ Email = {Email} }}";
}

public sealed class LoginUserCommandHandler(
    IApplicationDbContext db,
    IIdentityService identity,
    ITokenService tokens,
    SignInThrottler throttle,
    TimeProvider clock,
    IConfigurationProvider mapping
) : IRequestHandler<LoginUserCommand, UserDto>
{
    public async Task<UserDto> Handle(LoginUserCommand request, CancellationToken cancellationToken)
    {
        var email = request.Email!;
        if (await throttle.BeginAttemptAsync(email, request.ClientAddress, cancellationToken) is { } retryAfter)
        {
            throw SignInThrottler.TooManyAttempts(retryAfter);
        }

        var outcome = await identity.CheckCredentialsAsync(email, request.Password!);
        if (outcome.Status != SignInStatus.Succeeded)
        {
            throw AuthenticationFailedException.InvalidCredentials();
        }

        await throttle.ForgiveAsync(email, request.ClientAddress, cancellationToken);

        // Only someone who knows the password learns that the account is suspended.
        var userId = outcome.UserId!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.Users.Where(u => u.Id == userId).AnyAsync(AccountStatus.IsSuspendedAt(now), cancellationToken))
        {
            throw new ForbiddenAccessException("account", "is suspended");
        }

        var user = await db
            .Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .ProjectTo<UserDto>(mapping)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw AuthenticationFailedException.InvalidCredentials();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now), cancellationToken);
        var address = await identity.GetEmailAsync(userId, cancellationToken) ?? email;
        return user with { Email = address, Token = await tokens.CreateTokenAsync(userId, cancellationToken) };
    }
}
