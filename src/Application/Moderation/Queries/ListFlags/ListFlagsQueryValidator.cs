using CleanApp.Application.Articles;
using FluentValidation;

namespace CleanApp.Application.Moderation.Queries.ListFlags;

public sealed class ListFlagsQueryValidator : AbstractValidator<ListFlagsQuery>
{
    public ListFlagsQueryValidator()
    {
        RuleFor(x => x.Status)
            .Must(status => status is null || FlagStatuses.Filters.Contains(status, StringComparer.Ordinal))
            .WithMessage($"must be one of {string.Join(", ", FlagStatuses.Filters)}");
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit).WithMessage($"must be between 1 and {Paging.MaxLimit}");
        RuleFor(x => x.Offset).InclusiveBetween(0, Paging.MaxOffset).WithMessage($"must be between 0 and {Paging.MaxOffset}");
    }
}
