using CleanApp.Application.Common.Validation;
using FluentValidation;

namespace CleanApp.Application.Users.Commands.RequestPasswordReset;

/// <summary>Only the shape of the input: whether an account has this email is never said.</summary>
public sealed class RequestPasswordResetCommandValidator : AbstractValidator<RequestPasswordResetCommand>
{
    public RequestPasswordResetCommandValidator() => RuleFor(x => x.Email).Cascade(CascadeMode.Stop).ValidEmail().ValidCharacters();
}
