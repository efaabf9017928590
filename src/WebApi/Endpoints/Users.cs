using CleanApp.Application.Users;
using CleanApp.Application.Users.Commands.ConfirmPasswordReset;
using CleanApp.Application.Users.Commands.LoginUser;
using CleanApp.Application.Users.Commands.RegisterUser;
using CleanApp.Application.Users.Commands.RequestPasswordReset;
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
            .ProducesApiErrors(
                StatusCodes.Status401Unauthorized,
                StatusCodes.Status403Forbidden,
                StatusCodes.Status422UnprocessableEntity,
                StatusCodes.Status429TooManyRequests
            )
            .WithDescription(
                "401 `credentials` → `invalid` for a wrong email or password; 403 `account` → `is suspended` (right password, "
                    + "suspended account); 429 `credentials` → `too many attempts` with `Retry-After` (seconds) while the account "
                    + "is throttled for this client address or for everyone (docs/decisions/0031-sign-in-throttling.md)."
            );
        users
            .MapPost("/password-reset", RequestPasswordReset)
            .WithName("RequestPasswordReset")
            .WithSummary("Email a password reset token; always 202, whether or not an account has this email")
            .AcceptsJson<UserRequest<RequestPasswordResetCommand>>()
            .Produces(StatusCodes.Status202Accepted)
            .ProducesApiErrors(StatusCodes.Status422UnprocessableEntity);
        users
            .MapPost("/password-reset/confirm", ConfirmPasswordReset)
            .WithName("ConfirmPasswordReset")
            .WithSummary("Set a new password with the emailed token (single use, time-limited); every earlier token stops working")
            .AcceptsJson<UserRequest<ConfirmPasswordResetCommand>>()
            .Produces(StatusCodes.Status204NoContent)
            .ProducesApiErrors(StatusCodes.Status422UnprocessableEntity);

        var user = app.MapGroup("/api/user").WithTags("Users").RequireAuthorization();
        user.MapGet("/", GetCurrent)
            .WithName("GetCurrentUser")
            .WithSummary("The authenticated user, with a fresh token")
            .Produces<UserResponse>()
            .ProducesApiErrors(StatusCodes.Status401Unauthorized);
        user.MapPut("/", Update)
            .WithName("UpdateCurrentUser")
            .WithSummary("Partial update: only the keys present change; returns a fresh token")
            .WithDescription("A new `password` revokes every token issued before it; the answer carries the only one that still works.")
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
        var command = await body.ReadAsync<LoginUserCommand>(request, "user", ct) with
        {
            ClientAddress = request.HttpContext.Connection.RemoteIpAddress?.ToString(),
        };
        return TypedResults.Ok(new UserResponse(await sender.Send(command, ct)));
    }

    private static async Task<IResult> RequestPasswordReset(HttpRequest request, JsonBody body, IMediator sender, CancellationToken ct)
    {
        await sender.Send(await body.ReadAsync<RequestPasswordResetCommand>(request, "user", ct), ct);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<IResult> ConfirmPasswordReset(HttpRequest request, JsonBody body, IMediator sender, CancellationToken ct)
    {
        await sender.Send(await body.ReadAsync<ConfirmPasswordResetCommand>(request, "user", ct), ct);
        return TypedResults.NoContent();
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
