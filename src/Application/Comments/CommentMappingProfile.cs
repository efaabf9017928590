using AutoMapper;
using CleanApp.Domain.Comments;

namespace CleanApp.Application.Comments;

/// <summary>
/// Every field by name; the author is the profile map, so "following" is computed for the caller there. <c>hidden</c> is
/// set only on a hidden comment (which only its author gets to see).
/// </summary>
public sealed class CommentMappingProfile : Profile
{
    public CommentMappingProfile() =>
        CreateMap<Comment, CommentDto>().ForMember(d => d.Hidden, o => o.MapFrom(c => c.HiddenAt != null ? true : (bool?)null));
}
