using CleanApp.Application.Common.Validation;
using FluentValidation;

namespace CleanApp.Application.Accounts.Commands.CreateAdministrator;

public sealed class CreateAdministratorCommandValidator : AbstractValidator<CreateAdministratorCommand>
{
    public CreateAdministratorCommandValidator()
    {
        RuleFor(x => x.Email).ValidEmail();
        RuleFor(x => x.Password).ValidPassword();
        RuleFor(x => x.Username).ValidUsername().When(x => x.Username is not null);
    }
}
