using CleanApp.Application.Users;
using CleanApp.Application.Users.Commands.LoginUser;
using CleanApp.Application.Users.Commands.RegisterUser;
using CleanApp.Application.Users.Commands.UpdateUser;
using CleanApp.Application.Users.Queries.GetCurrentUser;
using CleanApp.WebApi.Common;
using MediatR;

namespace CleanApp.WebApi.Endpoints;

/// <summary>Accounts: <c>/api/users</c> (register, login) and <c>/api/user</c> (the caller).</summary>
public sealed class Users : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users");
        users
            .MapPost("/", Register)
            .WithName("RegisterUser")
            .WithSummary("Register a new user")
            .AcceptsJson<UserRequest<RegisterUserCommand>>(
                """{"user":{"username":"jake","email":"jake@jake.jake","password":"jakejake"}}"""
            )
            .Produces<UserResponse>(StatusCodes.Status201Created)
            .ProducesApiErrors(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        users
            .MapPost("/login", Login)
            .WithName("Login")
            .WithSummary("Log in with email and password")
            .AcceptsJson<UserRequest<LoginUserCommand>>("""{"user":{"email":"jake@jake.jake","password":"jakejake"}}""")
            .Produces<UserResponse>()
            .ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status422UnprocessableEntity);

        var user = app.MapGroup("/api/user").WithTags("Users").RequireAuthorization();
        user.MapGet("/", GetCurrent)
            .WithName("GetCurrentUser")
            .WithSummary("The authenticated user, with a fresh token")
            .Produces<UserResponse>()
            .ProducesApiErrors(StatusCodes.Status401Unauthorized);
        user.MapPut("/", Update)
            .WithName("UpdateCurrentUser")
            .WithSummary("Partial update: only the keys present change; returns a fresh token")
            .AcceptsJson<UserRequest<UpdateUserCommand>>(
                """{"user":{"email":"jake@jake.jake","bio":"I like to skateboard","image":"https://i.stack.imgur.com/xHWG8.jpg"}}"""
            )
            .Produces<UserResponse>()
            .ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> Register(HttpRequest request, JsonBody body, IMediator sender, CancellationToken ct)
    {
        var command = await body.ReadAsync<RegisterUserCommand>(request, "user", ct);
        var user = await sender.Send(command, ct);
        return TypedResults.Json(new UserResponse(user), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> Login(HttpRequest request, JsonBody body, IMediator sender, CancellationToken ct)
    {
        var command = await body.ReadAsync<LoginUserCommand>(request, "user", ct);
        return TypedResults.Ok(new UserResponse(await sender.Send(command, ct)));
    }

    private static async Task<IResult> GetCurrent(IMediator sender, CancellationToken ct) =>
        TypedResults.Ok(new UserResponse(await sender.Send(new GetCurrentUserQuery(), ct)));

    private static async Task<IResult> Update(HttpRequest request, JsonBody body, IMediator sender, CancellationToken ct)
    {
        var command = await body.ReadAsync<UpdateUserCommand>(request, "user", ct);
        return TypedResults.Ok(new UserResponse(await sender.Send(command, ct)));
    }
}

public sealed record UserRequest<T>(T User);

public sealed record UserResponse(UserDto User);
