using CleanApp.Application.Articles;
using CleanApp.Application.Common.Security;
using CleanApp.Application.Common.Validation;
using CleanApp.Domain.Users;
using FluentValidation;

namespace CleanApp.Application.Accounts.Queries.ListAccounts;

public sealed class ListAccountsQueryValidator : AbstractValidator<ListAccountsQuery>
{
    public ListAccountsQueryValidator()
    {
        RuleFor(x => x.Q)
            .MaximumLength(UserConstraints.EmailMaxLength)
            .WithMessage(ValidationMessages.TooLong(UserConstraints.EmailMaxLength))
            .ValidCharacters();
        RuleFor(x => x.Role)
            .Must(role => role is null || Roles.IsKnown(role))
            .WithMessage($"must be one of {string.Join(", ", Roles.All)}");
        RuleFor(x => x.Status)
            .Must(status => status is null || AccountStatus.All.Contains(status, StringComparer.Ordinal))
            .WithMessage($"must be one of {string.Join(", ", AccountStatus.All)}");
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit).WithMessage($"must be between 1 and {Paging.MaxLimit}");
        RuleFor(x => x.Offset).InclusiveBetween(0, Paging.MaxOffset).WithMessage($"must be between 0 and {Paging.MaxOffset}");
    }
}
