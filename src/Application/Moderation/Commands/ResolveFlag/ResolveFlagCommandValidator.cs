using CleanApp.Application.Common.Validation;
using FluentValidation;

namespace CleanApp.Application.Moderation.Commands.ResolveFlag;

public sealed class ResolveFlagCommandValidator : AbstractValidator<ResolveFlagCommand>
{
    public ResolveFlagCommandValidator()
    {
        RuleFor(x => x.Action)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .WithMessage(ValidationMessages.Blank)
            .Must(action => FlagStatuses.Actions.ContainsKey(action!))
            .WithMessage($"must be one of {string.Join(", ", FlagStatuses.Actions.Keys)}");
        RuleFor(x => x.Reason).ValidReason(required: false);
    }
}
