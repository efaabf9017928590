using AutoMapper;
using CleanApp.Domain.Comments;

namespace CleanApp.Application.Comments;

/// <summary>Every field by name; the author is the profile map, so "following" is computed for the caller there.</summary>
public sealed class CommentMappingProfile : Profile
{
    public CommentMappingProfile() => CreateMap<Comment, CommentDto>();
}
