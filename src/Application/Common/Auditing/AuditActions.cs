namespace CleanApp.Application.Common.Auditing;

/// <summary>The actions the administration and moderation commands record (the dashboard's are <c>job.*</c>, <c>recurring.*</c>).</summary>
public static class AuditActions
{
    public const string CreateAdmin = "account.create-admin";
    public const string ChangeRoles = "account.roles";
    public const string Suspend = "account.suspend";
    public const string LiftSuspension = "account.unsuspend";
    public const string DismissFlag = "flag.dismiss";
    public const string HideContent = "flag.hide";
    public const string DeleteComment = "flag.delete";
    public const string RestoreArticle = "article.restore";
    public const string RestoreComment = "comment.restore";

    public static string Account(string username) => $"account {username}";

    public static string Article(string slug) => $"article {slug}";

    public static string Comment(int id, string slug) => $"comment {id} on article {slug}";
}
