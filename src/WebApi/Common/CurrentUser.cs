using System.Security.Claims;
using CleanApp.Application.Common.Interfaces;

namespace CleanApp.WebApi.Common;

public sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public Guid? Id => Guid.TryParse(accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
