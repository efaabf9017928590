using FluentValidation;

namespace CleanApp.Application.Jobs.Commands.RequeueJobs;

public sealed class RequeueJobsCommandValidator : AbstractValidator<RequeueJobsCommand>
{
    public RequeueJobsCommandValidator() =>
        RuleFor(c => c.JobIds)
            .NotEmpty()
            .Must(ids => ids.Count <= JobActionLimits.MaxBulk)
            .WithMessage($"at most {JobActionLimits.MaxBulk} jobs at once");
}
