using FluentValidation;

namespace CleanApp.Application.Jobs.Commands.PauseQueue;

public sealed class PauseQueueCommandValidator : AbstractValidator<PauseQueueCommand>
{
    public PauseQueueCommandValidator() => RuleFor(c => c.Queue).NotEmpty().MaximumLength(100);
}
