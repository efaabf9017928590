using CleanApp.Application.Common.Validation;
using CleanApp.Domain.Users;
using FluentValidation;

namespace CleanApp.Application.Users.Commands.UpdateUser;

/// <summary>Rules apply only to the fields present; a present <c>null</c> email/username/password is blank (422).</summary>
public sealed class UpdateUserCommandValidator : AbstractValidator<UpdateUserCommand>
{
    public UpdateUserCommandValidator()
    {
        RuleFor(x => x.Email.GetValueOrDefault(null)).ValidEmail().OverridePropertyName("email").When(x => x.Email.HasValue);
        RuleFor(x => x.Username.GetValueOrDefault(null)).ValidUsername().OverridePropertyName("username").When(x => x.Username.HasValue);
        RuleFor(x => x.Password.GetValueOrDefault(null)).ValidPassword().OverridePropertyName("password").When(x => x.Password.HasValue);
        RuleFor(x => x.Bio.GetValueOrDefault(null))
            .MaximumLength(UserConstraints.BioMaxLength)
            .WithMessage(ValidationMessages.TooLong(UserConstraints.BioMaxLength))
            .OverridePropertyName("bio")
            .When(x => x.Bio.HasValue);
        RuleFor(x => x.Image.GetValueOrDefault(null)).ValidImageUrl().OverridePropertyName("image").When(x => x.Image.HasValue);
    }
}
