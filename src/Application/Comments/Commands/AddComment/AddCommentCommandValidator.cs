using CleanApp.Application.Articles;
using CleanApp.Domain.Articles;
using FluentValidation;

namespace CleanApp.Application.Comments.Commands.AddComment;

public sealed class AddCommentCommandValidator : AbstractValidator<AddCommentCommand>
{
    public AddCommentCommandValidator() => RuleFor(x => x.Body).RequiredText(ArticleConstraints.CommentBodyMaxLength);
}
