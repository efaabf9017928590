namespace CleanApp.Application.Common.Validation;

/// <summary>The wording of the public API's error bodies (shared/API.md): Rails-style, lower case, no field name.</summary>
public static class ValidationMessages
{
    public const string Blank = "can't be blank";
    public const string Invalid = "is invalid";
    public const string Taken = "has already been taken";
    public const string InvalidCharacters = "contains invalid characters";

    public static string TooLong(int max) => $"is too long (maximum is {max} characters)";

    public static string TooShort(int min) => $"is too short (minimum is {min} characters)";
}
