using CleanApp.Application.Common.Validation;
using CleanApp.Domain.Articles;
using FluentValidation;

namespace CleanApp.Application.Articles;

/// <summary>Field rules shared by create and update so the two can never disagree; the domain enforces the same bounds.</summary>
public static class ArticleRules
{
    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilderInitial<T, string?> rule, int maxLength) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty()
            .WithMessage(ValidationMessages.Blank)
            .MaximumLength(maxLength)
            .WithMessage(ValidationMessages.TooLong(maxLength));

    /// <summary>A present tag list must be an array (a JSON <c>null</c> is refused) of non-blank, bounded names.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<string?>?> ValidTagList<T>(
        this IRuleBuilderInitial<T, IReadOnlyList<string?>?> rule
    ) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull()
            .WithMessage("can't be null (send [] to remove every tag)")
            .Must(tags => tags!.Count <= ArticleConstraints.MaxTags)
            .WithMessage($"has too many tags (maximum is {ArticleConstraints.MaxTags})")
            .Must(tags => tags!.All(t => !string.IsNullOrWhiteSpace(t)))
            .WithMessage("can't contain a blank tag")
            .Must(tags => tags!.All(t => t!.Trim().Length <= ArticleConstraints.TagMaxLength))
            .WithMessage($"has a tag that is too long (maximum is {ArticleConstraints.TagMaxLength} characters)");
}
