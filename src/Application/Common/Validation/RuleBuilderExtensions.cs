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

    /// <summary>Letters (any script), digits, '-', '_' and '.': safe in a URL path segment after escaping, and readable.</summary>
    [GeneratedRegex(@"^[\p{L}\p{N}_.\-]+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex UsernamePattern();
}
