using CleanApp.Application.Profiles;
using CleanApp.Application.Profiles.Commands.FollowUser;
using CleanApp.Application.Profiles.Commands.UnfollowUser;
using CleanApp.Application.Profiles.Queries.GetProfile;
using CleanApp.WebApi.Common;
using MediatR;

namespace CleanApp.WebApi.Endpoints;

/// <summary>Profiles and following: <c>/api/profiles/{username}</c>. Follow/unfollow take no body (a stray one is ignored).</summary>
public sealed class Profiles : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var profiles = app.MapGroup("/api/profiles").WithTags("Profiles");
        profiles
            .MapGet("/{username}", Get)
            .WithName("GetProfile")
            .WithSummary("A user's profile; `following` is computed for the caller when a token is sent")
            .WithOptionalAuthentication()
            .Produces<ProfileResponse>()
            .ProducesApiErrors(StatusCodes.Status404NotFound);
        profiles
            .MapPost("/{username}/follow", Follow)
            .WithName("FollowUser")
            .WithSummary("Follow a user (idempotent)")
            .RequireAuthorization()
            .Produces<ProfileResponse>()
            .ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        profiles
            .MapDelete("/{username}/follow", Unfollow)
            .WithName("UnfollowUser")
            .WithSummary("Stop following a user (idempotent)")
            .RequireAuthorization()
            .Produces<ProfileResponse>()
            .ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Get(string username, IMediator sender, CancellationToken ct) =>
        TypedResults.Ok(new ProfileResponse(await sender.Send(new GetProfileQuery(username), ct)));

    private static async Task<IResult> Follow(string username, IMediator sender, CancellationToken ct) =>
        TypedResults.Ok(new ProfileResponse(await sender.Send(new FollowUserCommand(username), ct)));

    private static async Task<IResult> Unfollow(string username, IMediator sender, CancellationToken ct) =>
        TypedResults.Ok(new ProfileResponse(await sender.Send(new UnfollowUserCommand(username), ct)));
}

public sealed record ProfileResponse(ProfileDto Profile);
