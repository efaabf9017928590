using CleanApp.Application.Common.Validation;
using FluentValidation;

namespace CleanApp.Application.Moderation.Commands.FlagArticle;

public sealed class FlagArticleCommandValidator : AbstractValidator<FlagArticleCommand>
{
    public FlagArticleCommandValidator() => RuleFor(x => x.Reason).ValidReason(required: true);
}
