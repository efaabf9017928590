using CleanApp.Application.Common.Validation;
using CleanApp.Domain.Users;
using FluentValidation;

namespace CleanApp.Application.Users.Commands.LoginUser;

/// <summary>Only blank and absurd lengths are refused here; anything else is just wrong credentials (401).</summary>
public sealed class LoginUserCommandValidator : AbstractValidator<LoginUserCommand>
{
    public LoginUserCommandValidator()
    {
        RuleFor(x => x.Email)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .WithMessage(ValidationMessages.Blank)
            .MaximumLength(UserConstraints.EmailMaxLength)
            .WithMessage(ValidationMessages.TooLong(UserConstraints.EmailMaxLength));
        RuleFor(x => x.Password)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .WithMessage(ValidationMessages.Blank)
            .MaximumLength(UserConstraints.PasswordMaxLength)
            .WithMessage(ValidationMessages.TooLong(UserConstraints.PasswordMaxLength));
    }
}
