using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Common.Models;
using CleanApp.Application.Users.Commands.SendWelcomeEmail;
using CleanApp.Domain.Users;
using MediatR;

namespace CleanApp.Application.Users.EventHandlers;

/// <summary>
/// Stages the welcome email job in the registration's own unit of work (the domain event is published while it saves),
/// so the job exists if and only if the account does, and the request never waits for the email.
/// </summary>
public sealed class UserRegisteredEventHandler(IJobScheduler jobs) : INotificationHandler<DomainEventNotification<UserRegisteredEvent>>
{
    public Task Handle(DomainEventNotification<UserRegisteredEvent> notification, CancellationToken cancellationToken)
    {
        var userId = notification.DomainEvent.UserId;
        jobs.Enqueue(new SendWelcomeEmailCommand(userId));
        return Task.CompletedTask;
    }
}
