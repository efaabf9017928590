using AutoMapper;
using CleanApp.Domain.Comments;
using CleanApp.Domain.Moderation;

namespace CleanApp.Application.Moderation;

/// <summary>
/// A flag with its target. A flagged comment is not a navigation of the flag (resolved flags outlive a deleted comment),
/// so the comments are a parameter (<see cref="FlagQueries.Project"/>), inlined by EF Core as correlated subqueries.
/// </summary>
public sealed class FlagMappingProfile : Profile
{
    public FlagMappingProfile()
    {
        IQueryable<Comment> comments = null!;

        CreateMap<Flag, FlagDto>()
            .ForMember(
                d => d.Status,
                o =>
                    o.MapFrom(f =>
                        f.Status == FlagStatus.Open ? FlagStatuses.Open
                        : f.Status == FlagStatus.Dismissed ? FlagStatuses.Dismissed
                        : f.Status == FlagStatus.ContentHidden ? FlagStatuses.Hidden
                        : FlagStatuses.Deleted
                    )
            )
            .ForMember(d => d.Reporter, o => o.MapFrom(f => f.Reporter.Username))
            .ForMember(d => d.Target, o => o.MapFrom(f => f));

        CreateMap<Flag, FlaggedContentDto>()
            .ForMember(
                d => d.Type,
                o => o.MapFrom(f => f.Target == FlagTarget.Article ? FlagStatuses.ArticleTarget : FlagStatuses.CommentTarget)
            )
            .ForMember(d => d.Slug, o => o.MapFrom(f => f.Article.Slug))
            .ForMember(d => d.Title, o => o.MapFrom(f => f.Article.Title))
            .ForMember(d => d.CommentId, o => o.MapFrom(f => f.CommentId))
            .ForMember(
                d => d.Excerpt,
                o =>
                    o.MapFrom(f =>
                        f.CommentId == null
                            ? f.Article.Body.Substring(0, FlagStatuses.ExcerptLength)
                            : comments
                                .Where(c => c.Id == f.CommentId)
                                .Select(c => c.Body.Substring(0, FlagStatuses.ExcerptLength))
                                .FirstOrDefault()
                    )
            )
            .ForMember(
                d => d.Author,
                o =>
                    o.MapFrom(f =>
                        f.CommentId == null
                            ? f.Article.Author.Username
                            : comments.Where(c => c.Id == f.CommentId).Select(c => c.Author.Username).FirstOrDefault()
                    )
            )
            .ForMember(
                d => d.Hidden,
                o =>
                    o.MapFrom(f =>
                        f.CommentId == null ? f.Article.HiddenAt != null : comments.Any(c => c.Id == f.CommentId && c.HiddenAt != null)
                    )
            );
    }
}
