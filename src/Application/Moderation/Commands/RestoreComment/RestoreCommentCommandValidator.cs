using CleanApp.Application.Common.Validation;
using FluentValidation;

namespace CleanApp.Application.Moderation.Commands.RestoreComment;

public sealed class RestoreCommentCommandValidator : AbstractValidator<RestoreCommentCommand>
{
    public RestoreCommentCommandValidator() => RuleFor(x => x.Reason).ValidReason(required: false);
}
