using CleanApp.Domain.Articles;
using FluentValidation;

namespace CleanApp.Application.Articles.Commands.CreateArticle;

public sealed class CreateArticleCommandValidator : AbstractValidator<CreateArticleCommand>
{
    public CreateArticleCommandValidator(TimeProvider clock)
    {
        RuleFor(x => x.Title).RequiredText(ArticleConstraints.TitleMaxLength);
        RuleFor(x => x.Description).RequiredText(ArticleConstraints.DescriptionMaxLength);
        RuleFor(x => x.Body).RequiredText(ArticleConstraints.BodyMaxLength);
        RuleFor(x => x.TagList.GetValueOrDefault(null)).ValidTagList().OverridePropertyName("tagList").When(x => x.TagList.HasValue);
        RuleFor(x => x.Status).ValidStatus().When(x => x.Status is not null);
        RuleFor(x => x.PublishAt).ValidPublishAt(clock).When(x => x.PublishAt is not null);
        RuleFor(x => x)
            .Custom((x, context) => ArticleRules.PublicationCombination(x.Status, x.PublishAt, context, timeRequiredForScheduled: true));
    }
}
