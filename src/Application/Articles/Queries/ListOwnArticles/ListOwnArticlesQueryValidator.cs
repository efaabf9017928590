using FluentValidation;

namespace CleanApp.Application.Articles.Queries.ListOwnArticles;

public sealed class ListOwnArticlesQueryValidator : AbstractValidator<ListOwnArticlesQuery>
{
    public ListOwnArticlesQueryValidator()
    {
        RuleFor(x => x.Status).ValidStatus().When(x => x.Status is not null);
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit).WithMessage($"must be between 1 and {Paging.MaxLimit}");
        RuleFor(x => x.Offset).InclusiveBetween(0, Paging.MaxOffset).WithMessage($"must be between 0 and {Paging.MaxOffset}");
    }
}
