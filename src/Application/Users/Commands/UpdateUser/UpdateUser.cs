using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Models;
using CleanApp.Application.Common.Security;
using CleanApp.Application.Common.Validation;
using CleanApp.Domain.Users;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Users.Commands.UpdateUser;

/// <summary>A partial update: only present fields change (<see cref="Optional{T}"/> tells absent from null).</summary>
[Authorize]
public sealed record UpdateUserCommand : IRequest<UserDto>
{
    public Optional<string?> Email { get; init; }

    public Optional<string?> Username { get; init; }

    public Optional<string?> Password { get; init; }

    public Optional<string?> Bio { get; init; }

    public Optional<string?> Image { get; init; }

    public override string ToString() =>
        $"UpdateUserCommand {{ Email = {Email}, Username = {Username}, Password = {(Password.HasValue ? "***" : "<absent>")} }}";
}

public sealed class UpdateUserCommandHandler(
    IApplicationDbContext db,
    ICurrentUser currentUser,
    IIdentityService identity,
    ITokenService tokens
) : IRequestHandler<UpdateUserCommand, UserDto>
{
    public async Task<UserDto> Handle(UpdateUserCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.Id!.Value;
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw new AuthenticationFailedException("token", "is invalid");

        var conflicts = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Username.HasValue)
        {
            var normalized = User.Normalize(request.Username.Value!);
            if (await db.Users.AnyAsync(u => u.NormalizedUsername == normalized && u.Id != userId, cancellationToken))
            {
                conflicts["username"] = [ValidationMessages.Taken];
            }
        }

        // The user's own unchanged email must pass (the old Postman collection PUTs it back), so self is excluded.
        if (request.Email.HasValue && await identity.IsEmailTakenAsync(request.Email.Value!, userId, cancellationToken))
        {
            conflicts["email"] = [ValidationMessages.Taken];
        }

        if (conflicts.Count > 0)
        {
            throw new ConflictException(conflicts);
        }

        if (request.Username.HasValue)
        {
            user.Rename(request.Username.Value!);
        }

        if (request.Bio.HasValue)
        {
            user.ChangeBio(request.Bio.Value);
        }

        if (request.Image.HasValue)
        {
            user.ChangeImage(request.Image.Value);
        }

        var newEmail = request.Email.HasValue ? request.Email.Value : null;
        var newPassword = request.Password.HasValue ? request.Password.Value : null;
        try
        {
            await db.InTransactionAsync(
                async ct =>
                {
                    if (newEmail is not null || newPassword is not null)
                    {
                        var errors = await identity.UpdateCredentialsAsync(userId, newEmail, newPassword);
                        if (errors.Count > 0)
                        {
                            throw new ValidationException(errors);
                        }
                    }

                    return await db.SaveChangesAsync(ct);
                },
                cancellationToken
            );
        }
        catch (UniqueConstraintViolationException)
        {
            // A concurrent request took the username or email between the checks above and our save, and a unique index
            // refused ours (the transaction rolled back): that is the same 409, not a server error.
            if (request.Username.HasValue)
            {
                var normalized = User.Normalize(request.Username.Value!);
                if (await db.Users.AsNoTracking().AnyAsync(u => u.NormalizedUsername == normalized && u.Id != userId, cancellationToken))
                {
                    throw new ConflictException("username", ValidationMessages.Taken);
                }
            }

            if (request.Email.HasValue && await identity.IsEmailTakenAsync(request.Email.Value!, userId, cancellationToken))
            {
                throw new ConflictException("email", ValidationMessages.Taken);
            }

            throw;
        }

        var email = await identity.GetEmailAsync(userId, cancellationToken) ?? string.Empty;

        // The token names the user by id, so it survives the rename it was issued after.
        return SavedUser.ToDto(user, email, await tokens.CreateTokenAsync(userId, cancellationToken));
    }
}
