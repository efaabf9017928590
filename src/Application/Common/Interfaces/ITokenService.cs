namespace CleanApp.Application.Common.Interfaces;

/// <summary>
/// Issues the opaque bearer token returned in <c>user.token</c> (docs/decisions/0004-token-format.md). The token carries
/// the account's current token version, so revoking (a password change, a reset, a suspension) ends every earlier token
/// (docs/decisions/0030-token-revocation.md).
/// </summary>
public interface ITokenService
{
    Task<string> CreateTokenAsync(Guid userId, CancellationToken cancellationToken);
}
