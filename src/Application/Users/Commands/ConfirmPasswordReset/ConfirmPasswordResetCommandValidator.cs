using CleanApp.Application.Common.Validation;
using FluentValidation;

namespace CleanApp.Application.Users.Commands.ConfirmPasswordReset;

public sealed class ConfirmPasswordResetCommandValidator : AbstractValidator<ConfirmPasswordResetCommand>
{
    public ConfirmPasswordResetCommandValidator()
    {
        RuleFor(x => x.Email).Cascade(CascadeMode.Stop).ValidEmail().ValidCharacters();
        RuleFor(x => x.Token)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .WithMessage(ValidationMessages.Blank)
            .MaximumLength(PasswordResetTokens.TokenMaxLength)
            .WithMessage(ValidationMessages.TooLong(PasswordResetTokens.TokenMaxLength))
            .ValidCharacters();
        RuleFor(x => x.Password).ValidPassword();
    }
}
