using CleanApp.Application.Articles;
using CleanApp.Application.Common.Validation;
using CleanApp.Domain.Auditing;
using FluentValidation;

namespace CleanApp.Application.Audit.Queries.GetAuditLog;

public sealed class GetAuditLogQueryValidator : AbstractValidator<GetAuditLogQuery>
{
    public GetAuditLogQueryValidator()
    {
        RuleFor(x => x.Action)
            .MaximumLength(AuditLogEntry.ActionMaxLength)
            .WithMessage(ValidationMessages.TooLong(AuditLogEntry.ActionMaxLength))
            .ValidCharacters();
        RuleFor(x => x.Actor)
            .MaximumLength(AuditLogEntry.ActorMaxLength)
            .WithMessage(ValidationMessages.TooLong(AuditLogEntry.ActorMaxLength))
            .ValidCharacters();
        RuleFor(x => x.Target)
            .MaximumLength(AuditLogEntry.TargetMaxLength)
            .WithMessage(ValidationMessages.TooLong(AuditLogEntry.TargetMaxLength))
            .ValidCharacters();
        RuleFor(x => x.Until)
            .Must((query, until) => until is null || query.Since is null || until > query.Since)
            .WithMessage("must be after since");
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit).WithMessage($"must be between 1 and {Paging.MaxLimit}");
        RuleFor(x => x.Offset).InclusiveBetween(0, Paging.MaxOffset).WithMessage($"must be between 0 and {Paging.MaxOffset}");
    }
}
