using FluentValidation;

namespace CleanApp.Application.Jobs.Commands.DeleteJobs;

public sealed class DeleteJobsCommandValidator : AbstractValidator<DeleteJobsCommand>
{
    public DeleteJobsCommandValidator() =>
        RuleFor(c => c.JobIds)
            .NotEmpty()
            .Must(ids => ids.Count <= JobActionLimits.MaxBulk)
            .WithMessage($"at most {JobActionLimits.MaxBulk} jobs at once");
}
