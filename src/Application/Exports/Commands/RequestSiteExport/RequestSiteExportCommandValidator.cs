using CleanApp.Application.Common.Validation;
using CleanApp.Domain.Exports;
using FluentValidation;

namespace CleanApp.Application.Exports.Commands.RequestSiteExport;

public sealed class RequestSiteExportCommandValidator : AbstractValidator<RequestSiteExportCommand>
{
    public RequestSiteExportCommandValidator()
    {
        RuleFor(x => x.Kind)
            .NotEmpty()
            .WithMessage(ValidationMessages.Blank)
            .Equal(SiteExport.SiteStatsKind)
            .WithMessage($"must be {SiteExport.SiteStatsKind}");
        RuleFor(x => x.Format)
            .NotEmpty()
            .WithMessage(ValidationMessages.Blank)
            .Must(f => f is ExportFormats.Csv or ExportFormats.Json)
            .WithMessage("must be one of csv, json");
        RuleFor(x => x.From).NotEmpty().WithMessage(ValidationMessages.Blank).Must(ExportDates.IsValid).WithMessage(ExportDates.Message);
        RuleFor(x => x.To)
            .NotEmpty()
            .WithMessage(ValidationMessages.Blank)
            .Must(ExportDates.IsValid)
            .WithMessage(ExportDates.Message)
            .Must((x, to) => !ExportDates.IsValid(x.From) || ExportDates.Parse(to!) >= ExportDates.Parse(x.From!))
            .WithMessage("must not be before from")
            .Must(
                (x, to) =>
                    !ExportDates.IsValid(x.From)
                    || ExportDates.Parse(to!).DayNumber - ExportDates.Parse(x.From!).DayNumber < SiteExport.MaxDays
            )
            .WithMessage($"must be less than {SiteExport.MaxDays} days after from");
    }
}
