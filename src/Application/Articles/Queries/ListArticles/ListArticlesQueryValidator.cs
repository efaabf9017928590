using FluentValidation;

namespace CleanApp.Application.Articles.Queries.ListArticles;

public sealed class ListArticlesQueryValidator : AbstractValidator<ListArticlesQuery>
{
    public ListArticlesQueryValidator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit).WithMessage($"must be between 1 and {Paging.MaxLimit}");
        RuleFor(x => x.Offset).InclusiveBetween(0, Paging.MaxOffset).WithMessage($"must be between 0 and {Paging.MaxOffset}");
    }
}
