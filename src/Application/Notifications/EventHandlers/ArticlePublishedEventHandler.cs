using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Common.Models;
using CleanApp.Application.Notifications.Commands.NotifyFollowersOfArticle;
using CleanApp.Domain.Articles;
using MediatR;

namespace CleanApp.Application.Notifications.EventHandlers;

/// <summary>
/// Stages the followers' notification in the article's own unit of work (the domain event is published while it saves):
/// the fan-out job exists if and only if the article does, and publishing never waits for emails.
/// </summary>
public sealed class ArticlePublishedEventHandler(IJobScheduler jobs) : INotificationHandler<DomainEventNotification<ArticlePublishedEvent>>
{
    public Task Handle(DomainEventNotification<ArticlePublishedEvent> notification, CancellationToken cancellationToken)
    {
        var articleId = notification.DomainEvent.ArticlePublicId;
        jobs.Enqueue(new NotifyFollowersOfArticleCommand(articleId));
        return Task.CompletedTask;
    }
}
