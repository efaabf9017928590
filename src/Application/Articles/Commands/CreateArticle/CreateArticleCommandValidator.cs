using CleanApp.Domain.Articles;
using FluentValidation;

namespace CleanApp.Application.Articles.Commands.CreateArticle;

public sealed class CreateArticleCommandValidator : AbstractValidator<CreateArticleCommand>
{
    public CreateArticleCommandValidator()
    {
        RuleFor(x => x.Title).RequiredText(ArticleConstraints.TitleMaxLength);
        RuleFor(x => x.Description).RequiredText(ArticleConstraints.DescriptionMaxLength);
        RuleFor(x => x.Body).RequiredText(ArticleConstraints.BodyMaxLength);
        RuleFor(x => x.TagList.GetValueOrDefault(null)).ValidTagList().OverridePropertyName("tagList").When(x => x.TagList.HasValue);
    }
}
