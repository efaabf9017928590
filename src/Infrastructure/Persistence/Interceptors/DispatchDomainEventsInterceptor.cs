using CleanApp.Application.Common.Models;
using CleanApp.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CleanApp.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Publishes domain events while the unit of work is saving, before EF detects changes: whatever a handler adds to the
/// same context (a background job, say) is written in the same transaction, so it exists if and only if the change does
/// (docs/decisions/0006-domain-events-and-jobs.md). Handlers must not call SaveChanges themselves.
/// </summary>
public sealed class DispatchDomainEventsInterceptor(IMediator mediator) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context?.ChangeTracker.Entries<BaseEntity>().Any(e => e.Entity.DomainEvents.Count > 0) == true)
        {
            throw new InvalidOperationException("Use SaveChangesAsync: domain event handlers are asynchronous.");
        }

        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        if (eventData.Context is { } context)
        {
            await DispatchAsync(context, cancellationToken);
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private async Task DispatchAsync(DbContext context, CancellationToken cancellationToken)
    {
        // Handlers can raise further events; keep draining until none remain.
        while (true)
        {
            var entities = context.ChangeTracker.Entries<BaseEntity>().Select(e => e.Entity).Where(e => e.DomainEvents.Count > 0).ToList();
            if (entities.Count == 0)
            {
                return;
            }

            var events = entities.SelectMany(e => e.DomainEvents).ToList();
            entities.ForEach(e => e.ClearDomainEvents());
            foreach (var domainEvent in events)
            {
                var notification = (INotification)
                    Activator.CreateInstance(typeof(DomainEventNotification<>).MakeGenericType(domainEvent.GetType()), domainEvent)!;
                await mediator.Publish(notification, cancellationToken);
            }
        }
    }
}
