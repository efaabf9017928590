namespace CleanApp.Application.Common.Security;

/// <summary>
/// The publishing platform's roles (Identity roles, names exactly as here). Every account is a <see cref="User"/>;
/// an <see cref="Editor"/> moderates content and downloads site reports; an <see cref="Admin"/> manages accounts and roles (and may do everything editors can). The
/// ops roles of the jobs dashboard (<see cref="OpsRoles"/>) are separate: an ops account is not a publishing account.
/// </summary>
public static class Roles
{
    public const string User = "user";
    public const string Editor = "editor";
    public const string Admin = "admin";

    /// <summary>For <c>[Authorize(Roles = ...)]</c>: moderation is open to editors and administrators.</summary>
    public const string Moderators = Editor + "," + Admin;

    public static readonly IReadOnlyList<string> All = [User, Editor, Admin];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
