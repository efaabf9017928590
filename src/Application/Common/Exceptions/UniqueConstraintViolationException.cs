namespace CleanApp.Application.Common.Exceptions;

/// <summary>
/// A save hit a unique index (a slug, a favorite or follow pair that another request inserted first). Thrown by the
/// persistence layer so handlers can react (retry with another slug, treat as "already done") without knowing the
/// database provider. Unhandled, it is a 409.
/// </summary>
public sealed class UniqueConstraintViolationException : Exception
{
    public UniqueConstraintViolationException()
        : base("A unique constraint was violated.") { }

    public UniqueConstraintViolationException(string message)
        : base(message) { }

    public UniqueConstraintViolationException(string message, Exception innerException)
        : base(message, innerException) { }
}
