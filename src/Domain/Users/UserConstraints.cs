namespace CleanApp.Domain.Users;

/// <summary>Documented bounds (README, API section): no single request can store megabytes in an indexed column.</summary>
public static class UserConstraints
{
    public const int UsernameMaxLength = 64;
    public const int EmailMaxLength = 254;
    public const int PasswordMinLength = 8;
    public const int PasswordMaxLength = 128;
    public const int BioMaxLength = 4000;
    public const int ImageMaxLength = 2048;

    /// <summary>Reasons given by administrators and moderators (suspensions, flags, resolutions).</summary>
    public const int ReasonMaxLength = 500;
}
