using CleanApp.Application.Common.Validation;
using FluentValidation;

namespace CleanApp.Application.Moderation.Commands.FlagComment;

public sealed class FlagCommentCommandValidator : AbstractValidator<FlagCommentCommand>
{
    public FlagCommentCommandValidator() => RuleFor(x => x.Reason).ValidReason(required: true);
}
