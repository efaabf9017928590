using System.Reflection;
using System.Runtime.CompilerServices;
using CleanApp.Application.Common.Behaviours;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using MediatR;
using Moq;

namespace CleanApp.Application.UnitTests.Common.Security;

/// <summary>
/// Who may send each command and query, from one table: every request type of the Application assembly is run through the
/// real <see cref="AuthorizationBehaviour{TRequest,TResponse}"/> as anonymous, user, editor and admin, and must be let
/// through or refused exactly as its row says. A new request type without a row fails, and so does a row whose type is gone.
/// Ownership (the author of an article or comment) is the handlers' business and is tested over HTTP.
/// </summary>
public sealed class RoleMatrixTests
{
    public enum Access
    {
        /// <summary>Anyone, signed in or not (Conduit reads, register, login, password reset).</summary>
        Anyone,

        /// <summary>Any signed-in account.</summary>
        SignedIn,

        /// <summary>Editors and administrators (moderation, site reports).</summary>
        Moderator,

        /// <summary>Administrators only.</summary>
        Admin,

        /// <summary>
        /// Sent only by background jobs or the command line, never by an endpoint; the pipeline does not guard them, so
        /// they pass for every caller. A row here is a claim that no endpoint sends the type.
        /// </summary>
        Internal,
    }

    public enum Caller
    {
        Anonymous,
        User,
        Editor,
        Admin,
    }

    private static readonly Dictionary<string, Access> Table = new(StringComparer.Ordinal)
    {
        // Conduit
        ["RegisterUserCommand"] = Access.Anyone,
        ["LoginUserCommand"] = Access.Anyone,
        ["GetCurrentUserQuery"] = Access.SignedIn,
        ["UpdateUserCommand"] = Access.SignedIn,
        ["GetProfileQuery"] = Access.Anyone,
        ["FollowUserCommand"] = Access.SignedIn,
        ["UnfollowUserCommand"] = Access.SignedIn,
        ["ListArticlesQuery"] = Access.Anyone,
        ["GetFeedQuery"] = Access.SignedIn,
        ["GetArticleQuery"] = Access.Anyone,
        ["CreateArticleCommand"] = Access.SignedIn,
        ["UpdateArticleCommand"] = Access.SignedIn,
        ["DeleteArticleCommand"] = Access.SignedIn,
        ["GetCommentsQuery"] = Access.Anyone,
        ["AddCommentCommand"] = Access.SignedIn,
        ["DeleteCommentCommand"] = Access.SignedIn,
        ["FavoriteArticleCommand"] = Access.SignedIn,
        ["UnfavoriteArticleCommand"] = Access.SignedIn,
        ["GetTagsQuery"] = Access.Anyone,

        // Account lifecycle
        ["RequestPasswordResetCommand"] = Access.Anyone,
        ["ConfirmPasswordResetCommand"] = Access.Anyone,

        // Moderation
        ["FlagArticleCommand"] = Access.SignedIn,
        ["FlagCommentCommand"] = Access.SignedIn,
        ["ListFlagsQuery"] = Access.Moderator,
        ["ResolveFlagCommand"] = Access.Moderator,
        ["RestoreArticleCommand"] = Access.Moderator,
        ["RestoreCommentCommand"] = Access.Moderator,

        // Administration
        ["ListAccountsQuery"] = Access.Admin,
        ["ChangeAccountRolesCommand"] = Access.Admin,
        ["SuspendAccountCommand"] = Access.Admin,
        ["LiftAccountSuspensionCommand"] = Access.Admin,
        ["GetAuditLogQuery"] = Access.Admin,

        // Publishing, search and site reports (issue 10): the author check on publish/unpublish is in the handlers
        ["PublishArticleCommand"] = Access.SignedIn,
        ["UnpublishArticleCommand"] = Access.SignedIn,
        ["ListOwnArticlesQuery"] = Access.SignedIn,
        ["SearchArticlesQuery"] = Access.Anyone,
        ["RequestSiteExportCommand"] = Access.Moderator,
        ["GetSiteExportQuery"] = Access.Moderator,
        ["GetSiteExportFileQuery"] = Access.Moderator,

        // Jobs and the command line
        ["CreateAdministratorCommand"] = Access.Internal,
        ["SendWelcomeEmailCommand"] = Access.Internal,
        ["SendPasswordResetEmailCommand"] = Access.Internal,
        ["SendContentHiddenEmailCommand"] = Access.Internal,
        ["NotifyFollowersOfArticleCommand"] = Access.Internal,
        ["SendArticleNotificationBatchCommand"] = Access.Internal,
        ["SendDailyDigestCommand"] = Access.Internal,
        ["SendDigestBatchCommand"] = Access.Internal,
        ["PublishScheduledArticleCommand"] = Access.Internal,
        ["BuildSiteExportCommand"] = Access.Internal,
        ["DeleteExpiredExportsCommand"] = Access.Internal,
    };

    private static readonly Guid CallerId = Guid.NewGuid();

    public static IEnumerable<Type> RequestTypes() =>
        typeof(Application.DependencyInjection)
            .Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false } && ResponseType(t) is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal);

    [Test]
    public void Every_request_type_has_exactly_one_row_and_every_row_a_type()
    {
        var names = RequestTypes().Select(t => t.Name).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(names, Is.Unique, "request type names are unique, so the table can key on them");
            Assert.That(names.Where(n => !Table.ContainsKey(n)), Is.Empty, "request types without a row in RoleMatrixTests.Table");
            Assert.That(Table.Keys.Where(k => !names.Contains(k)), Is.Empty, "rows whose request type no longer exists");
        });
    }

    [Test]
    public async Task Each_request_type_lets_through_exactly_the_callers_its_row_allows()
    {
        var mismatches = new List<string>();
        foreach (var type in RequestTypes())
        {
            if (!Table.TryGetValue(type.Name, out var access))
            {
                continue; // reported by the test above
            }

            foreach (var caller in Enum.GetValues<Caller>())
            {
                var expected = IsAllowed(access, caller);
                var outcome = await RunAsync(type, caller);
                var allowed = outcome == "allowed";
                if (allowed != expected)
                {
                    mismatches.Add($"{type.Name} as {caller}: expected {(expected ? "allowed" : "refused")}, got {outcome}");
                }
                else if (!allowed && outcome != ExpectedRefusal(caller))
                {
                    mismatches.Add($"{type.Name} as {caller}: refused with {outcome}, expected {ExpectedRefusal(caller)}");
                }
            }
        }

        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public void The_table_covers_all_four_callers_and_each_access_level_is_used()
    {
        // Guards the table itself: a level nobody uses is a sign that a row was mistyped.
        Assert.That(Table.Values.Distinct(), Is.EquivalentTo(Enum.GetValues<Access>()));
    }

    private static bool IsAllowed(Access access, Caller caller) =>
        access switch
        {
            Access.Anyone or Access.Internal => true,
            Access.SignedIn => caller != Caller.Anonymous,
            Access.Moderator => caller is Caller.Editor or Caller.Admin,
            Access.Admin => caller == Caller.Admin,
            _ => throw new ArgumentOutOfRangeException(nameof(access)),
        };

    /// <summary>Anonymous callers are refused as unauthenticated (401); signed-in ones as forbidden (403).</summary>
    private static string ExpectedRefusal(Caller caller) => caller == Caller.Anonymous ? "401 token" : "403 user";

    private static Type? ResponseType(Type type) =>
        type.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))
            .Select(i => i.GetGenericArguments()[0])
            .FirstOrDefault();

    private static Task<string> RunAsync(Type requestType, Caller caller)
    {
        var method = typeof(RoleMatrixTests)
            .GetMethod(nameof(RunTypedAsync), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(requestType, ResponseType(requestType)!);
        return (Task<string>)method.Invoke(null, [caller])!;
    }

    private static async Task<string> RunTypedAsync<TRequest, TResponse>(Caller caller)
    {
        var currentUser = new Mock<ICurrentUser>();
        currentUser.Setup(u => u.Id).Returns(caller == Caller.Anonymous ? null : CallerId);
        var roles = caller switch
        {
            Caller.User => new[] { Roles.User },
            Caller.Editor => [Roles.User, Roles.Editor],
            Caller.Admin => [Roles.User, Roles.Admin],
            _ => [],
        };
        var identity = new Mock<IIdentityService>(MockBehavior.Strict);
        identity.Setup(i => i.IsInRoleAsync(CallerId, It.IsAny<string>())).ReturnsAsync((Guid _, string role) => roles.Contains(role));

        var behaviour = new AuthorizationBehaviour<TRequest, TResponse>(
            currentUser.Object,
            new Lazy<IIdentityService>(() => identity.Object)
        );
        var request = (TRequest)RuntimeHelpers.GetUninitializedObject(typeof(TRequest));
        try
        {
            await behaviour.Handle(request, CancellationToken.None, () => Task.FromResult(default(TResponse)!));
            return "allowed";
        }
        catch (AuthenticationFailedException ex)
        {
            return $"401 {ex.Key}";
        }
        catch (ForbiddenAccessException ex)
        {
            return $"403 {ex.Key}";
        }
    }
}
