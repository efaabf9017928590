using CleanApp.Application.Common.Validation;
using FluentValidation;

namespace CleanApp.Application.Accounts.Commands.SuspendAccount;

public sealed class SuspendAccountCommandValidator : AbstractValidator<SuspendAccountCommand>
{
    public SuspendAccountCommandValidator(TimeProvider clock)
    {
        RuleFor(x => x.Reason).ValidReason(required: true);
        RuleFor(x => x.Until)
            .Must(until => until is null || until.Value > clock.GetUtcNow().UtcDateTime)
            .WithMessage("must be in the future");
    }
}
