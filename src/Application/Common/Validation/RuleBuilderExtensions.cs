using System.Text.RegularExpressions;
using CleanApp.Domain.Users;
using FluentValidation;

namespace CleanApp.Application.Common.Validation;

/// <summary>Field rules shared by registration and profile update so the two can never disagree.</summary>
public static partial class RuleBuilderExtensions
{
    public static IRuleBuilderOptions<T, string?> ValidUsername<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty()
            .WithMessage(ValidationMessages.Blank)
            .MaximumLength(UserConstraints.UsernameMaxLength)
            .WithMessage(ValidationMessages.TooLong(UserConstraints.UsernameMaxLength))
            .Matches(UsernamePattern())
            .WithMessage("may contain only letters, digits, '-', '_' and '.'");

    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty()
            .WithMessage(ValidationMessages.Blank)
            .MaximumLength(UserConstraints.EmailMaxLength)
            .WithMessage(ValidationMessages.TooLong(UserConstraints.EmailMaxLength))
            .EmailAddress()
            .WithMessage(ValidationMessages.Invalid);

    public static IRuleBuilderOptions<T, string?> ValidPassword<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty()
            .WithMessage(ValidationMessages.Blank)
            .MinimumLength(UserConstraints.PasswordMinLength)
            .WithMessage(ValidationMessages.TooShort(UserConstraints.PasswordMinLength))
            .MaximumLength(UserConstraints.PasswordMaxLength)
            .WithMessage(ValidationMessages.TooLong(UserConstraints.PasswordMaxLength));

    public static IRuleBuilderOptions<T, string?> ValidImageUrl<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .MaximumLength(UserConstraints.ImageMaxLength)
            .WithMessage(ValidationMessages.TooLong(UserConstraints.ImageMaxLength))
            .Must(url =>
                string.IsNullOrEmpty(url)
                || (
                    Uri.TryCreate(url, UriKind.Absolute, out var uri)
                    && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                )
            )
            .WithMessage("must be an absolute http(s) URL");

    /// <summary>
    /// Text people typed: no Unicode non-characters (U+FDD0–U+FDEF, U+xFFFE/U+xFFFF: valid UTF-8, but never text), no
    /// control characters except tab and line breaks, no lone surrogates. Null passes (presence is another rule).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> ValidCharacters<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(HasOnlyValidCharacters).WithMessage(ValidationMessages.InvalidCharacters);

    /// <summary>A moderator's, administrator's or reporter's reason: bounded, valid text; blank only where it is optional.</summary>
    public static IRuleBuilderOptions<T, string?> ValidReason<T>(this IRuleBuilderInitial<T, string?> rule, bool required)
    {
        IRuleBuilder<T, string?> checks = rule.Cascade(CascadeMode.Stop);
        if (required)
        {
            checks = checks.NotEmpty().WithMessage(ValidationMessages.Blank);
        }

        return checks
            .MaximumLength(UserConstraints.ReasonMaxLength)
            .WithMessage(ValidationMessages.TooLong(UserConstraints.ReasonMaxLength))
            .ValidCharacters();
    }

    public static bool HasOnlyValidCharacters(string? text)
    {
        if (text is null)
        {
            return true;
        }

        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (System.Text.Rune.DecodeFromUtf16(rest, out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            var value = rune.Value;
            var nonCharacter = value is >= 0xFDD0 and <= 0xFDEF || (value & 0xFFFE) == 0xFFFE;
            var control = System.Text.Rune.IsControl(rune) && value is not ('\t' or '\n' or '\r');
            if (nonCharacter || control)
            {
                return false;
            }

            rest = rest[used..];
        }

        return true;
    }

    /// <summary>Letters (any script), digits, '-', '_' and '.': safe in a URL path segment after escaping, and readable.</summary>
    [GeneratedRegex(@"^[\p{L}\p{N}_.\-]+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex UsernamePattern();
}
