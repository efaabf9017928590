using CleanApp.Application.Common.Validation;
using CleanApp.Domain.Articles;
using FluentValidation;
using FluentValidation.Results;

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

    /// <summary>A present <c>status</c> is one of <see cref="ArticleStatuses.All"/>.</summary>
    public static IRuleBuilderOptions<T, string?> ValidStatus<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty()
            .WithMessage(ValidationMessages.Blank)
            .Must(s => ArticleStatuses.All.Contains(s, StringComparer.Ordinal))
            .WithMessage(ArticleStatuses.OneOf);

    /// <summary>A present <c>publishAt</c> is a zoned ISO-8601 time, ahead of now and within the scheduling bound.</summary>
    public static IRuleBuilderOptions<T, string?> ValidPublishAt<T>(this IRuleBuilder<T, string?> rule, TimeProvider clock) =>
        rule.NotEmpty()
            .WithMessage(ValidationMessages.Blank)
            .Must(v => PublishTime.TryParse(v, out _))
            .WithMessage($"must be {PublishTime.Format}")
            .Must(v => PublishTime.TryParse(v, out var at) && at > clock.GetUtcNow().UtcDateTime)
            .WithMessage("must be in the future")
            .Must(v => PublishTime.TryParse(v, out var at) && at <= clock.GetUtcNow().UtcDateTime + ArticleConstraints.MaxScheduleAhead)
            .WithMessage($"must be within {ArticleConstraints.MaxScheduleAhead.TotalDays:0} days from now");

    /// <summary>
    /// <c>status</c> and <c>publishAt</c> together: a time goes with <c>scheduled</c> (or no status) only, and
    /// <c>scheduled</c> needs a time when the request sets one (create; an update may keep the current schedule).
    /// </summary>
    public static void PublicationCombination<T>(
        string? status,
        string? publishAt,
        ValidationContext<T> context,
        bool timeRequiredForScheduled
    )
    {
        if (publishAt is not null && status is ArticleStatuses.Draft or ArticleStatuses.Published)
        {
            context.AddFailure(new ValidationFailure("publishAt", $"can't be combined with status {status}"));
        }

        if (timeRequiredForScheduled && publishAt is null && status == ArticleStatuses.Scheduled)
        {
            context.AddFailure(new ValidationFailure("publishAt", "can't be blank when status is scheduled"));
        }
    }
}
