using FluentValidation.Results;

namespace CleanApp.Application.Common.Exceptions;

/// <summary>One or more inputs are invalid. Mapped to 422 with every failing field listed.</summary>
public sealed class ValidationException : Exception
{
    public ValidationException()
        : base("One or more validation failures have occurred.") => Errors = new Dictionary<string, string[]>();

    public ValidationException(string key, string message)
        : this() => Errors = new Dictionary<string, string[]> { [key] = [message] };

    public ValidationException(IEnumerable<ValidationFailure> failures)
        : this() =>
        Errors = failures
            .GroupBy(f => f.PropertyName, f => f.ErrorMessage, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    /// <summary>Errors already keyed by field, e.g. from the identity store.</summary>
    public ValidationException(IReadOnlyDictionary<string, string[]> errors)
        : this() => Errors = errors;

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
