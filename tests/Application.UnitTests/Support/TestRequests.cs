using CleanApp.Application.Common.Security;
using MediatR;

namespace CleanApp.Application.UnitTests.Support;

public sealed record PlainRequest(string? Name) : IRequest<string>;

[Authorize]
public sealed record AuthenticatedRequest : IRequest<string>;

[Authorize(Roles = "Admin, Editor")]
public sealed record RoleRequest : IRequest<string>;

[Authorize(Policy = "CanPurge")]
public sealed record PolicyRequest : IRequest<string>;

[Authorize(Roles = "Admin")]
[Authorize(Policy = "CanPurge")]
public sealed record RoleAndPolicyRequest : IRequest<string>;
