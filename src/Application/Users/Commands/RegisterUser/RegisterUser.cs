using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Validation;
using CleanApp.Domain.Users;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Users.Commands.RegisterUser;

public sealed record RegisterUserCommand(string? Username, string? Email, string? Password) : IRequest<UserDto>
{
    /// <summary>Never log the password.</summary>
    public override string ToString() => $"RegisterUserCommand {{ Username = {Username}, Email = {Email} }}";
}

public sealed class RegisterUserCommandHandler(IApplicationDbContext db, IIdentityService identity, ITokenService tokens)
    : IRequestHandler<RegisterUserCommand, UserDto>
{
    public async Task<UserDto> Handle(RegisterUserCommand request, CancellationToken cancellationToken)
    {
        var username = request.Username!;
        var email = request.Email!;

        var conflicts = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var normalized = User.Normalize(username);
        if (await db.Users.AnyAsync(u => u.NormalizedUsername == normalized, cancellationToken))
        {
            conflicts["username"] = [ValidationMessages.Taken];
        }

        if (await identity.IsEmailTakenAsync(email, exceptUserId: null, cancellationToken))
        {
            conflicts["email"] = [ValidationMessages.Taken];
        }

        if (conflicts.Count > 0)
        {
            throw new ConflictException(conflicts);
        }

        var user = User.Register(Guid.NewGuid(), username);
        try
        {
            await db.InTransactionAsync(
                async ct =>
                {
                    var errors = await identity.CreateUserAsync(user.Id, email, request.Password!);
                    if (errors.Count > 0)
                    {
                        throw new ValidationException(errors);
                    }

                    db.Users.Add(user);
                    return await db.SaveChangesAsync(ct);
                },
                cancellationToken
            );
        }
        catch (UniqueConstraintViolationException)
        {
            // A concurrent request took the username between the check above and our save, and the unique index refused
            // ours (the transaction rolled back): that is the same 409, not a server error.
            if (await db.Users.AnyAsync(u => u.NormalizedUsername == normalized && u.Id != user.Id, cancellationToken))
            {
                throw new ConflictException("username", ValidationMessages.Taken);
            }

            // The same race on the email's unique index.
            if (await identity.IsEmailTakenAsync(email, user.Id, cancellationToken))
            {
                throw new ConflictException("email", ValidationMessages.Taken);
            }

            throw;
        }

        return SavedUser.ToDto(user, email, await tokens.CreateTokenAsync(user.Id, cancellationToken));
    }
}
