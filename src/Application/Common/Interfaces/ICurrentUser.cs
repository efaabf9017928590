namespace CleanApp.Application.Common.Interfaces;

/// <summary>Who is calling. Null outside an authenticated HTTP request (anonymous callers, background jobs).</summary>
public interface ICurrentUser
{
    Guid? Id { get; }
}
