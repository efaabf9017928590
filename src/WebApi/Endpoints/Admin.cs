using CleanApp.Application.Accounts;
using CleanApp.Application.Accounts.Commands.ChangeAccountRoles;
using CleanApp.Application.Accounts.Commands.LiftAccountSuspension;
using CleanApp.Application.Accounts.Commands.SuspendAccount;
using CleanApp.Application.Accounts.Queries.ListAccounts;
using CleanApp.Application.Articles;
using CleanApp.Application.Audit.Queries.GetAuditLog;
using CleanApp.Application.Common.Auditing;
using CleanApp.Application.Moderation.Commands.ResolveFlag;
using CleanApp.Application.Moderation.Commands.RestoreArticle;
using CleanApp.Application.Moderation.Commands.RestoreComment;
using CleanApp.Application.Moderation.Queries.ListFlags;
using CleanApp.WebApi.Common;
using MediatR;

namespace CleanApp.WebApi.Endpoints;

/// <summary>
/// Administration and moderation under <c>/api/admin</c>: accounts, roles and suspensions and the audit log (admins);
/// the flag queue, resolutions and restoring hidden content (editors and admins). A token is required first (401); the
/// roles are checked by the Application on each request type (403 <c>user</c> → <c>forbidden</c>).
/// </summary>
public sealed class Admin : IEndpointGroup
{
    private static readonly string PagingHelp =
        $"`limit` (1-{Paging.MaxLimit}, default {Paging.DefaultLimit}) and `offset` (0-{Paging.MaxOffset}, default 0); anything else is a 422.";

    public void Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").RequireAuthorization();
        MapAccounts(admin.MapGroup("/accounts").WithTags("Administration"));
        admin
            .MapGet("/audit", Audit)
            .WithTags("Administration")
            .WithName("GetAuditLog")
            .WithSummary("The audit log, newest first (admin)")
            .WithDescription(
                "Every administration, moderation and jobs dashboard action: who, what, target, reason, when. Filters (AND): "
                    + "`action` (an action, or a family: `account` matches `account.*`), `actor` and `target` (part of the text, "
                    + "case-insensitive), `since` and `until` (ISO-8601). "
                    + PagingHelp
            )
            .Produces<AuditLogResponse>()
            .ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status422UnprocessableEntity);
        MapModeration(admin.WithTags("Moderation"));
    }

    private static void MapAccounts(RouteGroupBuilder accounts)
    {
        accounts
            .MapGet("/", ListAccounts)
            .WithName("ListAccounts")
            .WithSummary("Accounts, newest first, searched and filtered (admin)")
            .WithDescription(
                "`q` matches part of the username or email (case-insensitive); `role` is `user`, `editor` or `admin`; "
                    + "`status` is `active` or `suspended`. `accountsCount` is the number of matches. "
                    + PagingHelp
            )
            .Produces<AccountsResponse>()
            .ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status422UnprocessableEntity);
        accounts
            .MapPut("/{username}/roles", ChangeRoles)
            .WithName("ChangeAccountRoles")
            .WithSummary("Set an account's roles (admin); `user` is always kept")
            .WithDescription("422 `roles` when the last active administrator would drop their own admin role.")
            .AcceptsJson<AccountRequest<AccountRolesFields>>()
            .Produces<AccountResponse>()
            .ProducesBodyErrors(StatusCodes.Status404NotFound);
        accounts
            .MapPut("/{username}/suspension", Suspend)
            .WithName("SuspendAccount")
            .WithSummary("Suspend an account, with a reason and an optional end (admin)")
            .WithDescription(
                "The account cannot sign in (403 `account` → `is suspended`) and every token it holds stops working at once "
                    + "(401). Sending it again changes the reason and end. 422 `account` when the last active administrator "
                    + "would suspend themself."
            )
            .AcceptsJson<SuspensionRequest<SuspensionFields>>()
            .Produces<AccountResponse>()
            .ProducesBodyErrors(StatusCodes.Status404NotFound);
        accounts
            .MapDelete("/{username}/suspension", LiftSuspension)
            .WithName("LiftAccountSuspension")
            .WithSummary("Lift a suspension (admin); the tokens revoked by it stay revoked")
            .Produces<AccountResponse>()
            .ProducesApiErrors(
                StatusCodes.Status401Unauthorized,
                StatusCodes.Status403Forbidden,
                StatusCodes.Status404NotFound,
                StatusCodes.Status409Conflict
            );
    }

    private static void MapModeration(RouteGroupBuilder moderation)
    {
        moderation
            .MapGet("/flags", ListFlags)
            .WithName("ListFlags")
            .WithSummary("The moderators' queue: open flags, oldest first (editor or admin)")
            .WithDescription("`status=resolved` lists the closed flags, most recently resolved first. " + PagingHelp)
            .Produces<FlagsResponse>()
            .ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status422UnprocessableEntity);

        // Ids are bound as text: a non-numeric id names nothing (404).
        moderation
            .MapPost("/flags/{id}/resolution", Resolve)
            .WithName("ResolveFlag")
            .WithSummary("Resolve an open flag: `dismiss`, `hide` the content, or `delete` a comment (editor or admin)")
            .WithDescription(
                "Hidden content disappears from every public read but stays visible to its author, marked `hidden: true`; the "
                    + "author is emailed. Hiding or deleting resolves every open flag on the same content. 409 `flag` → `is "
                    + "already resolved`; 422 `action` for `delete` on an article."
            )
            .AcceptsJson<ResolutionRequest<ResolutionFields>>()
            .Produces<FlagResponse>()
            .ProducesBodyErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        moderation
            .MapPost("/articles/{slug}/restore", RestoreArticle)
            .WithName("RestoreArticle")
            .WithSummary("Make a hidden article public again (editor or admin); the body `{\"restore\":{\"reason\":…}}` is optional")
            .AcceptsJson<RestoreRequest<RestoreFields>>()
            .Produces(StatusCodes.Status204NoContent)
            .ProducesBodyErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        moderation
            .MapPost("/articles/{slug}/comments/{id}/restore", RestoreComment)
            .WithName("RestoreComment")
            .WithSummary("Make a hidden comment public again (editor or admin); the body is optional")
            .AcceptsJson<RestoreRequest<RestoreFields>>()
            .Produces(StatusCodes.Status204NoContent)
            .ProducesBodyErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ListAccounts(
        string? q,
        string? role,
        string? status,
        string? limit,
        string? offset,
        IMediator sender,
        CancellationToken ct
    )
    {
        var query = new ListAccountsQuery
        {
            Q = q,
            Role = role,
            Status = status,
            Limit = QueryValues.Integer(limit, "limit", Paging.DefaultLimit),
            Offset = QueryValues.Integer(offset, "offset", 0),
        };
        var page = await sender.Send(query, ct);
        return TypedResults.Ok(new AccountsResponse(page.Accounts, page.AccountsCount));
    }

    private static async Task<IResult> ChangeRoles(
        string username,
        HttpRequest request,
        JsonBody body,
        IMediator sender,
        CancellationToken ct
    )
    {
        var fields = await body.ReadAsync<AccountRolesFields>(request, "account", ct);
        var command = new ChangeAccountRolesCommand(username) { Roles = fields.Roles, Reason = fields.Reason };
        return TypedResults.Ok(new AccountResponse(await sender.Send(command, ct)));
    }

    private static async Task<IResult> Suspend(string username, HttpRequest request, JsonBody body, IMediator sender, CancellationToken ct)
    {
        var fields = await body.ReadAsync<SuspensionFields>(request, "suspension", ct);
        var command = new SuspendAccountCommand(username) { Reason = fields.Reason, Until = fields.Until };
        return TypedResults.Ok(new AccountResponse(await sender.Send(command, ct)));
    }

    private static async Task<IResult> LiftSuspension(string username, IMediator sender, CancellationToken ct) =>
        TypedResults.Ok(new AccountResponse(await sender.Send(new LiftAccountSuspensionCommand(username), ct)));

    private static async Task<IResult> Audit(
        string? action,
        string? actor,
        string? target,
        string? since,
        string? until,
        string? limit,
        string? offset,
        IMediator sender,
        CancellationToken ct
    )
    {
        var query = new GetAuditLogQuery
        {
            Action = action,
            Actor = actor,
            Target = target,
            Since = QueryValues.Timestamp(since, "since"),
            Until = QueryValues.Timestamp(until, "until"),
            Limit = QueryValues.Integer(limit, "limit", Paging.DefaultLimit),
            Offset = QueryValues.Integer(offset, "offset", 0),
        };
        var page = await sender.Send(query, ct);
        return TypedResults.Ok(new AuditLogResponse(page.Entries, page.EntriesCount));
    }

    private static async Task<IResult> ListFlags(string? status, string? limit, string? offset, IMediator sender, CancellationToken ct)
    {
        var query = new ListFlagsQuery
        {
            Status = status,
            Limit = QueryValues.Integer(limit, "limit", Paging.DefaultLimit),
            Offset = QueryValues.Integer(offset, "offset", 0),
        };
        var page = await sender.Send(query, ct);
        return TypedResults.Ok(new FlagsResponse(page.Flags, page.FlagsCount));
    }

    private static async Task<IResult> Resolve(string id, HttpRequest request, JsonBody body, IMediator sender, CancellationToken ct)
    {
        var fields = await body.ReadAsync<ResolutionFields>(request, "resolution", ct);
        var command = new ResolveFlagCommand(Ids.Parse(id)) { Action = fields.Action, Reason = fields.Reason };
        return TypedResults.Ok(new FlagResponse(await sender.Send(command, ct)));
    }

    private static async Task<IResult> RestoreArticle(
        string slug,
        HttpRequest request,
        JsonBody body,
        IMediator sender,
        CancellationToken ct
    )
    {
        var fields = await ReadOptionalAsync(request, body, ct);
        await sender.Send(new RestoreArticleCommand(slug) { Reason = fields.Reason }, ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> RestoreComment(
        string slug,
        string id,
        HttpRequest request,
        JsonBody body,
        IMediator sender,
        CancellationToken ct
    )
    {
        var fields = await ReadOptionalAsync(request, body, ct);
        await sender.Send(new RestoreCommentCommand(slug, Ids.Parse(id)) { Reason = fields.Reason }, ct);
        return TypedResults.NoContent();
    }

    /// <summary>A restore needs no body; one that is sent is read with the usual strict rules.</summary>
    private static async Task<RestoreFields> ReadOptionalAsync(HttpRequest request, JsonBody body, CancellationToken ct) =>
        request.ContentLength is null or 0 && !request.Headers.TransferEncoding.Any()
            ? new RestoreFields(null)
            : await body.ReadAsync<RestoreFields>(request, "restore", ct);
}

/// <summary>The body of PUT /api/admin/accounts/{username}/roles: the roles the account should hold besides <c>user</c>.</summary>
public sealed record AccountRolesFields(IReadOnlyList<string?>? Roles, string? Reason);

/// <summary>The body of PUT /api/admin/accounts/{username}/suspension; <c>until</c> (ISO-8601 UTC) is optional.</summary>
public sealed record SuspensionFields(string? Reason, DateTime? Until);

/// <summary>The body of POST /api/admin/flags/{id}/resolution: <c>dismiss</c>, <c>hide</c> or <c>delete</c>, and an optional reason.</summary>
public sealed record ResolutionFields(string? Action, string? Reason);

public sealed record RestoreFields(string? Reason);

public sealed record AccountRequest<T>(T Account);

public sealed record SuspensionRequest<T>(T Suspension);

public sealed record ResolutionRequest<T>(T Resolution);

public sealed record RestoreRequest<T>(T Restore);

public sealed record AccountResponse(AccountDto Account);

public sealed record AccountsResponse(IReadOnlyList<AccountDto> Accounts, int AccountsCount);

public sealed record AuditLogResponse(IReadOnlyList<AuditEntryDto> Entries, int EntriesCount);

internal static class AdminEndpointExtensions
{
    /// <summary>The errors of an admin endpoint that reads a body, plus <paramref name="more"/>.</summary>
    public static RouteHandlerBuilder ProducesBodyErrors(this RouteHandlerBuilder builder, params int[] more) =>
        builder.ProducesApiErrors([
            StatusCodes.Status400BadRequest,
            StatusCodes.Status401Unauthorized,
            StatusCodes.Status403Forbidden,
            StatusCodes.Status413PayloadTooLarge,
            StatusCodes.Status415UnsupportedMediaType,
            StatusCodes.Status422UnprocessableEntity,
            .. more,
        ]);
}
