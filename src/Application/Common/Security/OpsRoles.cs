namespace CleanApp.Application.Common.Security;

/// <summary>
/// Roles of ops staff (Identity roles). Public API users have none of them, so a bearer token never opens the dashboard.
/// An operator can also read. See docs/dashboard.md.
/// </summary>
public static class OpsRoles
{
    public const string Reader = "JobsReader";
    public const string Operator = "JobsOperator";

    public static readonly IReadOnlyList<string> All = [Reader, Operator];

    /// <summary>Maps the command-line spelling (<c>reader</c>, <c>operator</c>) to the role name; null when unknown.</summary>
    public static string? FromOption(string? value) =>
        value?.Trim().ToLowerInvariant() switch
        {
            "reader" or "read" or "jobsreader" => Reader,
            "operator" or "operate" or "jobsoperator" => Operator,
            _ => null,
        };
}

/// <summary>The dashboard's two authorization policies: deny by default, read everything, or act.</summary>
public static class JobsPolicies
{
    public const string Read = "Jobs.Read";
    public const string Operate = "Jobs.Operate";
}
