using CleanApp.Domain.Common;

namespace CleanApp.Domain.Users;

public sealed record UserRegisteredEvent(Guid UserId) : IDomainEvent;
