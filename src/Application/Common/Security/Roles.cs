namespace CleanApp.Application.Common.Security;

/// <summary>
/// Roles of the public API's users (Identity roles, apart from the dashboard's <see cref="OpsRoles"/>). Every account is a
/// <see cref="User"/>; editors moderate content and download site reports; admins can do everything editors can.
/// </summary>
public static class Roles
{
    public const string User = "user";
    public const string Editor = "editor";
    public const string Admin = "admin";
}
