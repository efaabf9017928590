using CleanApp.Domain.Articles;
using FluentValidation;

namespace CleanApp.Application.Articles.Commands.UpdateArticle;

/// <summary>Rules apply to present fields only; a present <c>null</c> or blank text field is blank (422).</summary>
public sealed class UpdateArticleCommandValidator : AbstractValidator<UpdateArticleCommand>
{
    public UpdateArticleCommandValidator(TimeProvider clock)
    {
        RuleFor(x => x.Title.GetValueOrDefault(null))
            .RequiredText(ArticleConstraints.TitleMaxLength)
            .OverridePropertyName("title")
            .When(x => x.Title.HasValue);
        RuleFor(x => x.Description.GetValueOrDefault(null))
            .RequiredText(ArticleConstraints.DescriptionMaxLength)
            .OverridePropertyName("description")
            .When(x => x.Description.HasValue);
        RuleFor(x => x.Body.GetValueOrDefault(null))
            .RequiredText(ArticleConstraints.BodyMaxLength)
            .OverridePropertyName("body")
            .When(x => x.Body.HasValue);
        RuleFor(x => x.TagList.GetValueOrDefault(null)).ValidTagList().OverridePropertyName("tagList").When(x => x.TagList.HasValue);
        RuleFor(x => x.Status.GetValueOrDefault(null)).ValidStatus().OverridePropertyName("status").When(x => x.Status.HasValue);
        RuleFor(x => x.PublishAt.GetValueOrDefault(null))
            .NotNull()
            .WithMessage("can't be null (send \"status\": \"draft\" to cancel a schedule)")
            .ValidPublishAt(clock)
            .OverridePropertyName("publishAt")
            .When(x => x.PublishAt.HasValue);
        RuleFor(x => x)
            .Custom(
                (x, context) =>
                    ArticleRules.PublicationCombination(
                        x.Status.GetValueOrDefault(null),
                        x.PublishAt.GetValueOrDefault(null),
                        context,
                        timeRequiredForScheduled: false
                    )
            );
    }
}
