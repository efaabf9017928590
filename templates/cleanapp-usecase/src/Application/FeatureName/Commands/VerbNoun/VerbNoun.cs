using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using MediatR;

namespace CleanApp.Application.FeatureName.Commands.VerbNoun;

/// <summary>Say why this use case exists, not what the code does.</summary>
[Authorize]
public sealed record VerbNounCommand(string? Name) : IRequest<Unit>;

public sealed class VerbNounCommandHandler(IApplicationDbContext db, ICurrentUser currentUser) : IRequestHandler<VerbNounCommand, Unit>
{
    public async Task<Unit> Handle(VerbNounCommand request, CancellationToken cancellationToken)
    {
        _ = currentUser.Id!.Value;

        // Load, call domain methods, then save once: the unit of work commits everything or nothing.
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
