using CleanApp.Application.Common.Security;
using CleanApp.Application.Common.Validation;
using FluentValidation;

namespace CleanApp.Application.Accounts.Commands.ChangeAccountRoles;

public sealed class ChangeAccountRolesCommandValidator : AbstractValidator<ChangeAccountRolesCommand>
{
    public ChangeAccountRolesCommandValidator()
    {
        RuleFor(x => x.Roles)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .WithMessage("can't be null (send [] to keep only user)")
            .Must(roles => roles!.Count <= Roles.All.Count * 2)
            .WithMessage($"has too many roles (the roles are {string.Join(", ", Roles.All)})")
            .Must(roles => roles!.All(Roles.IsKnown))
            .WithMessage($"may contain only {string.Join(", ", Roles.All)}");
        RuleFor(x => x.Reason).ValidReason(required: false);
    }
}
