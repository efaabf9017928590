using CleanApp.Application.Common.Validation;
using FluentValidation;

namespace CleanApp.Application.FeatureName.Commands.VerbNoun;

public sealed class VerbNounCommandValidator : AbstractValidator<VerbNounCommand>
{
    public VerbNounCommandValidator()
    {
        RuleFor(x => x.Name)
            .NotEmpty()
            .WithMessage(ValidationMessages.Blank)
            .MaximumLength(200)
            .WithMessage(ValidationMessages.TooLong(200));
    }
}
