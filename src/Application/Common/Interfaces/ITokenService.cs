namespace CleanApp.Application.Common.Interfaces;

/// <summary>Issues the opaque bearer token returned in <c>user.token</c> (docs/decisions/0004-token-format.md).</summary>
public interface ITokenService
{
    string CreateToken(Guid userId);
}
