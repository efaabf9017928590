using CleanApp.Application.Common.Validation;
using FluentValidation;

namespace CleanApp.Application.Moderation.Commands.RestoreArticle;

public sealed class RestoreArticleCommandValidator : AbstractValidator<RestoreArticleCommand>
{
    public RestoreArticleCommandValidator() => RuleFor(x => x.Reason).ValidReason(required: false);
}
