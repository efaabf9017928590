using AutoMapper;
using CleanApp.Application.Articles;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using CleanApp.Domain.Moderation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Moderation.Commands.FlagArticle;

/// <summary>
/// Any signed-in user reports an article they can see. One open flag per user and article (409 for a second one);
/// flagging your own article is a 422.
/// </summary>
[Authorize]
public sealed record FlagArticleCommand(string Slug) : IRequest<FlagDto>
{
    public string? Reason { get; init; }
}

public sealed class FlagArticleCommandHandler(IApplicationDbContext db, ICurrentUser currentUser, IConfigurationProvider mapping)
    : IRequestHandler<FlagArticleCommand, FlagDto>
{
    public async Task<FlagDto> Handle(FlagArticleCommand request, CancellationToken cancellationToken)
    {
        var reporterId = currentUser.Id!.Value;
        var article = await db
            .Articles.AsNoTracking()
            .VisibleTo(reporterId)
            .Where(a => a.Slug == request.Slug)
            .Select(a => new { a.Id, a.AuthorId })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("article");

        var flag = Flag.OnArticle(article.Id, article.AuthorId, reporterId, request.Reason!);
        if (
            await db.Flags.AnyAsync(
                f => f.ReporterId == reporterId && f.ArticleId == article.Id && f.CommentId == null && f.Status == FlagStatus.Open,
                cancellationToken
            )
        )
        {
            throw FlagRules.AlreadyOpen();
        }

        await FlagRules.SaveNewAsync(db, flag, cancellationToken);
        return await FlagQueries.GetAsync(db, mapping, flag.Id, cancellationToken);
    }
}
