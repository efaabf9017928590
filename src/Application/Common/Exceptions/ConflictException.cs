namespace CleanApp.Application.Common.Exceptions;

/// <summary>The request clashes with existing state, e.g. a username that is already taken. Mapped to 409.</summary>
public sealed class ConflictException : Exception
{
    public ConflictException(string key, string message)
        : this(new Dictionary<string, string[]>(StringComparer.Ordinal) { [key] = [message] }) { }

    public ConflictException(IReadOnlyDictionary<string, string[]> errors, Exception? innerException = null)
        : base("The request conflicts with existing state: " + string.Join(", ", errors.Keys), innerException) => Errors = errors;

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
