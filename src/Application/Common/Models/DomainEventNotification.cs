using CleanApp.Domain.Common;
using MediatR;

namespace CleanApp.Application.Common.Models;

/// <summary>
/// Adapts a domain event (the Domain references no package) to a MediatR notification. Published while the unit of work
/// that raised it is saving, so anything a handler adds (a job row, an outbox row) commits atomically with it.
/// </summary>
public sealed record DomainEventNotification<TDomainEvent>(TDomainEvent DomainEvent) : INotification
    where TDomainEvent : IDomainEvent;
