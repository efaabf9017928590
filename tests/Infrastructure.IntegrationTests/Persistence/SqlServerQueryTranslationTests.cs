using System.Text;
using CleanApp.Application;
using CleanApp.Application.Accounts.Commands.ChangeAccountRoles;
using CleanApp.Application.Accounts.Commands.CreateAdministrator;
using CleanApp.Application.Accounts.Commands.LiftAccountSuspension;
using CleanApp.Application.Accounts.Commands.SuspendAccount;
using CleanApp.Application.Accounts.Queries.ListAccounts;
using CleanApp.Application.Articles.Commands.CreateArticle;
using CleanApp.Application.Articles.Commands.DeleteArticle;
using CleanApp.Application.Articles.Commands.PublishArticle;
using CleanApp.Application.Articles.Commands.PublishScheduledArticle;
using CleanApp.Application.Articles.Commands.UnpublishArticle;
using CleanApp.Application.Articles.Commands.UpdateArticle;
using CleanApp.Application.Articles.Queries.GetArticle;
using CleanApp.Application.Articles.Queries.GetFeed;
using CleanApp.Application.Articles.Queries.ListArticles;
using CleanApp.Application.Articles.Queries.ListOwnArticles;
using CleanApp.Application.Audit.Queries.GetAuditLog;
using CleanApp.Application.Comments.Commands.AddComment;
using CleanApp.Application.Comments.Commands.DeleteComment;
using CleanApp.Application.Comments.Queries.GetComments;
using CleanApp.Application.Common.Auditing;
using CleanApp.Application.Common.Email;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Common.Models;
using CleanApp.Application.Exports;
using CleanApp.Application.Exports.Commands.BuildSiteExport;
using CleanApp.Application.Exports.Commands.DeleteExpiredExports;
using CleanApp.Application.Exports.Commands.RequestSiteExport;
using CleanApp.Application.Exports.Queries.GetSiteExport;
using CleanApp.Application.Exports.Queries.GetSiteExportFile;
using CleanApp.Application.Favorites.Commands.FavoriteArticle;
using CleanApp.Application.Favorites.Commands.UnfavoriteArticle;
using CleanApp.Application.Moderation.Commands.FlagArticle;
using CleanApp.Application.Moderation.Commands.FlagComment;
using CleanApp.Application.Moderation.Commands.ResolveFlag;
using CleanApp.Application.Moderation.Commands.RestoreArticle;
using CleanApp.Application.Moderation.Commands.RestoreComment;
using CleanApp.Application.Moderation.Commands.SendContentHiddenEmail;
using CleanApp.Application.Moderation.Queries.ListFlags;
using CleanApp.Application.Notifications.Commands.NotifyFollowersOfArticle;
using CleanApp.Application.Notifications.Commands.SendArticleNotificationBatch;
using CleanApp.Application.Notifications.Commands.SendDailyDigest;
using CleanApp.Application.Notifications.Commands.SendDigestBatch;
using CleanApp.Application.Profiles.Commands.FollowUser;
using CleanApp.Application.Profiles.Commands.UnfollowUser;
using CleanApp.Application.Profiles.Queries.GetProfile;
using CleanApp.Application.Search.Queries.SearchArticles;
using CleanApp.Application.Tags.Queries.GetTags;
using CleanApp.Application.Users.Commands.ConfirmPasswordReset;
using CleanApp.Application.Users.Commands.LoginUser;
using CleanApp.Application.Users.Commands.RegisterUser;
using CleanApp.Application.Users.Commands.RequestPasswordReset;
using CleanApp.Application.Users.Commands.SendPasswordResetEmail;
using CleanApp.Application.Users.Commands.SendWelcomeEmail;
using CleanApp.Application.Users.Commands.UpdateUser;
using CleanApp.Application.Users.Queries.GetCurrentUser;
using CleanApp.Domain.Articles;
using CleanApp.Domain.Auditing;
using CleanApp.Domain.Comments;
using CleanApp.Domain.Common;
using CleanApp.Domain.Exports;
using CleanApp.Domain.Moderation;
using CleanApp.Domain.Notifications;
using CleanApp.Domain.Profiles;
using CleanApp.Domain.Users;
using CleanApp.Infrastructure.Persistence;
using CleanApp.Infrastructure.Search;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting.Internal;
using Moq;
using static CleanApp.Infrastructure.IntegrationTests.Persistence.SqlServerTranslationOnly;

namespace CleanApp.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// SQL Server stays honest although no server runs here: every request of the Application goes through the real
/// MediatR pipeline and handlers, over the production wiring of <see cref="SqlServerApplicationDbContext"/> (a dummy
/// connection string; <see cref="SqlServerTranslationOnly"/> keeps anything from reaching a server), so every query it
/// sends is translated to SQL Server's dialect. A query EF Core cannot translate throws here, in CI, not in production.
/// The rendered SQL is in each test's output and in <c>sqlserver-queries.sql</c> next to the test assembly.
/// </summary>
public sealed class SqlServerQueryTranslationTests
{
    /// <summary>A second user, for requests that refuse to act on the caller's own row (following yourself).</summary>
    private static readonly Guid OtherUser = new("0c7d5e9a-1b2f-4c3d-8e4f-5a6b7c8d9e0f");

    /// <summary>
    /// Requests that query nothing through the Application's DbContext: a password reset request looks the email up
    /// through the identity port (faked here) and only stages a job; requesting an export only inserts.
    /// </summary>
    private static readonly Type[] SendNoQuery = [typeof(RequestPasswordResetCommand), typeof(RequestSiteExportCommand)];

    private static readonly StringBuilder RenderedSql = new();

    /// <summary>Full-text syntax and SQL around two words: only the words may reach SQL Server, as parameters.</summary>
    private static readonly SearchArticlesQuery HostileSearch = new()
    {
        Q = "wyvern* \"NEAR(train', 1)\" OR ISABOUT(x) ]; DROP TABLE [Articles]; --",
        Tag = "dragons",
        Author = "x",
        Limit = 20,
    };

    private ServiceProvider _services = null!;

    /// <summary>One valid sample of every request type; the caller is the owner of the sample row unless said otherwise.</summary>
    private static IEnumerable<Sample> Samples()
    {
        // Articles
        yield return new(
            new CreateArticleCommand
            {
                Title = "How to train your dragon",
                Description = "Ever wonder how?",
                Body = "Very carefully.",
                TagList = new[] { "dragons", "training" },
            }
        );
        yield return new(
            new UpdateArticleCommand("x")
            {
                Title = "A new title",
                Description = "A new description",
                Body = "A new body",
                TagList = new[] { "dragons" },
            }
        );
        yield return new(new DeleteArticleCommand("x"));
        yield return new(new GetArticleQuery("x"));
        yield return new(
            new ListArticlesQuery
            {
                Tag = "dragons",
                Author = "x",
                Favorited = "x",
                Limit = 20,
                Offset = 0,
            }
        );
        yield return new(new GetFeedQuery { Limit = 20, Offset = 0 });
        yield return new(new PublishArticleCommand("x"));
        yield return new(new UnpublishArticleCommand("x"));
        yield return new(new ListOwnArticlesQuery { Status = "draft", Limit = 20 });
        yield return new(new PublishScheduledArticleCommand(RowId, RowTime), Caller: null);

        // Comments, favorites, profiles, tags
        yield return new(new AddCommentCommand("x", "Thank you so much!"));
        yield return new(new DeleteCommentCommand("x", 1));
        yield return new(new GetCommentsQuery("x"));
        yield return new(new FavoriteArticleCommand("x"));
        yield return new(new UnfavoriteArticleCommand("x"));
        yield return new(new FollowUserCommand("x"), OtherUser);
        yield return new(new UnfollowUserCommand("x"), OtherUser);
        yield return new(new GetProfileQuery("x"));
        yield return new(new GetTagsQuery());
        yield return new(HostileSearch);

        // Site exports
        yield return new(
            new RequestSiteExportCommand
            {
                Kind = "site-stats",
                From = "2026-01-01",
                To = "2026-12-31",
                Format = "csv",
            }
        );
        yield return new(new BuildSiteExportCommand(RowId), Caller: null);
        yield return new(new DeleteExpiredExportsCommand(), Caller: null);
        yield return new(new GetSiteExportQuery(RowId));
        yield return new(new GetSiteExportFileQuery(RowId));

        // Users
        yield return new(new RegisterUserCommand("jake", "jake@example.com", "password123"), Caller: null);
        yield return new(new LoginUserCommand("jake@example.com", "password123"), Caller: null);
        yield return new(
            new UpdateUserCommand
            {
                Username = "jacob",
                Email = "jacob@example.com",
                Password = "password456",
                Bio = "I like to skateboard",
                Image = "https://example.com/jacob.png",
            }
        );
        yield return new(new GetCurrentUserQuery());
        yield return new(new SendWelcomeEmailCommand(RowId), Caller: null);

        // Email jobs
        yield return new(new NotifyFollowersOfArticleCommand(RowId), Caller: null);
        yield return new(new SendArticleNotificationBatchCommand(RowId, 0, [RowId, OtherUser]), Caller: null);
        yield return new(new SendDailyDigestCommand(), Caller: null);
        yield return new(new SendDigestBatchCommand(RowTime.AddDays(-1), RowTime, "2026-01-02", [RowId, OtherUser]), Caller: null);

        // Account lifecycle
        yield return new(new RequestPasswordResetCommand("jake@example.com"), Caller: null);
        yield return new(new SendPasswordResetEmailCommand(RowId, RowTime), Caller: null);
        yield return new(new ConfirmPasswordResetCommand("jake@example.com", "token", "password456"), Caller: null);

        // Administration (the caller is another admin, so the last-administrator rules do not stop the samples early)
        yield return new(
            new ListAccountsQuery
            {
                Q = "jake",
                Role = "editor",
                Status = "suspended",
            },
            OtherUser
        );
        yield return new(new ChangeAccountRolesCommand("x") { Roles = ["editor"], Reason = "trusted" }, OtherUser);
        yield return new(new SuspendAccountCommand("x") { Reason = "spam", Until = RowTime.AddYears(10) }, OtherUser);
        yield return new(new LiftAccountSuspensionCommand("x"), OtherUser);
        yield return new(new CreateAdministratorCommand("jake@example.com", "password123") { Username = "jake" }, Caller: null);
        yield return new(
            new GetAuditLogQuery
            {
                Action = "account",
                Actor = "admin",
                Target = "jake",
                Since = RowTime.AddDays(-1),
                Until = RowTime,
            },
            OtherUser
        );

        // Moderation (the reporter is not the author of the sample rows)
        yield return new(new FlagArticleCommand("x") { Reason = "spam" }, OtherUser);
        yield return new(new FlagCommentCommand("x", 1) { Reason = "spam" }, OtherUser);
        yield return new(new ListFlagsQuery(), OtherUser);
        yield return new(new ResolveFlagCommand(1) { Action = "hide", Reason = "spam" }, OtherUser);
        yield return new(new RestoreArticleCommand("x"), OtherUser);
        yield return new(new RestoreCommentCommand("x", 1), OtherUser);
        yield return new(new SendContentHiddenEmailCommand(1), Caller: null);
    }

    private static IEnumerable<TestCaseData> Cases() =>
        Samples().Select(s => new TestCaseData(s).SetArgDisplayNames(s.Request.GetType().Name));

    [OneTimeSetUp]
    public void Build()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?>(StringComparer.Ordinal)
                {
                    ["Database:Provider"] = "SqlServer",
                    ["ConnectionStrings:Default"] = "Server=no-server-translation-only;Database=CleanApp;Integrated Security=false",
                }
            )
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddApplicationServices();
        services.AddInfrastructureServices(
            configuration,
            new HostingEnvironment
            {
                EnvironmentName = "Testing",
                ApplicationName = "CleanApp.Infrastructure.IntegrationTests",
                ContentRootPath = Path.GetTempPath(),
                ContentRootFileProvider = new NullFileProvider(),
            }
        );

        // The context is pooled, so its options are built once from the root: one recorder, emptied before each sample.
        services.AddSingleton<CommandRecorder>();
        services.ConfigureDbContext<SqlServerApplicationDbContext>(
            (sp, options) => options.AddInterceptors(new NoConnection(), new NoSave(), sp.GetRequiredService<CommandRecorder>())
        );
        services.AddScoped<IApplicationDbContext>(sp => new WithoutTransactions(sp.GetRequiredService<ApplicationDbContext>()));

        // Outside the Application: credentials, tokens, email, the job ports and the audit log.
        services.AddScoped<SampleCaller>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<SampleCaller>());
        services.AddSingleton(Identity().Object);
        services.AddSingleton(
            Mock.Of<ITokenService>(t => t.CreateTokenAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()) == Task.FromResult("token"))
        );
        services.AddSingleton(Mock.Of<IEmailSender>());
        services.AddSingleton(Mock.Of<IJobScheduler>());
        services.AddSingleton(Mock.Of<IRecurringJobs>());
        services.AddSingleton(Mock.Of<IAuditLog>());
        services.AddSingleton(Mock.Of<IExportFiles>(f => f.Create(It.IsAny<Guid>()) == new MemoryStream()));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    [OneTimeTearDown]
    public void Release()
    {
        _services.Dispose();
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, "sqlserver-queries.sql");
        lock (RenderedSql)
        {
            File.WriteAllText(file, RenderedSql.ToString());
        }

        TestContext.Progress.WriteLine($"SQL Server translations of the Application's queries: {file}");
    }

    [Test]
    public void Every_request_type_of_the_Application_has_a_sample()
    {
        var requests = typeof(Application.DependencyInjection)
            .Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false } && ResponseTypeOf(t) is not null)
            .ToList();
        var sampled = Samples().Select(s => s.Request.GetType()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(requests, Has.Count.GreaterThan(20), "the scan sees the Application's requests");
            Assert.That(requests.Except(sampled).Select(t => t.FullName), Is.Empty, "add a sample to Samples() for each new request");
            Assert.That(sampled, Is.Unique);
            Assert.That(SendNoQuery, Is.SubsetOf(sampled));
        });
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Every_query_of_the_request_translates_to_SQL_Server(Sample sample)
    {
        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CommandRecorder>().Clear();
        scope.ServiceProvider.GetRequiredService<SampleCaller>().Id = sample.Caller;
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        Exception? failure = null;
        try
        {
            await SendAsync(mediator, sample.Request);
        }
        catch (Exception ex) when (IsExpectedRefusal(ex))
        {
            // The sample row can lead a handler to a refusal after its queries (404, 403, 409, a domain rule): fine here.
            failure = ex;
        }

        var commands = scope.ServiceProvider.GetRequiredService<CommandRecorder>().Commands;
        Report(sample, commands, failure);

        if (SendNoQuery.Contains(sample.Request.GetType()))
        {
            Assert.That(commands, Is.Empty, "listed as sending no query");
        }
        else
        {
            Assert.That(commands, Is.Not.Empty, "every request outside SendNoQuery reaches the database");
        }
    }

    [Test]
    public async Task Search_sends_every_word_as_a_quoted_CONTAINS_term_in_a_parameter_never_in_the_SQL_text()
    {
        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<SampleCaller>().Id = RowId;
        // The recorder is a singleton (pooled contexts build their options once): drop what earlier tests recorded.
        scope.ServiceProvider.GetRequiredService<CommandRecorder>().Clear();

        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(HostileSearch);

        var commands = scope.ServiceProvider.GetRequiredService<CommandRecorder>().Commands;
        var count = commands[0];
        Assert.Multiple(() =>
        {
            Assert.That(commands, Has.Count.EqualTo(4), "count, page, projection of the page, highlight texts");
            Assert.That(count, Does.Contain("LEFT JOIN CONTAINSTABLE([Articles], [Title], @any) AS t ON t.[KEY] = a.[Id]"));
            Assert.That(count, Does.Contain("CONTAINSTABLE([Articles], [SearchTags], @any)"));
            Assert.That(count, Does.Contain("AND CONTAINS(*, @w0)"));
            Assert.That(count, Does.Contain("AND CONTAINS(*, @w9)"), "ten words: wyvern NEAR train 1 OR ISABOUT x DROP TABLE Articles");
            Assert.That(count, Does.Not.Contain("@w10"));
            Assert.That(commands[1], Does.Contain("ORDER BY").And.Contain("[Relevance] DESC"));
            Assert.That(commands, Has.All.Not.Contain("wyvern").And.All.Not.Contain("DROP TABLE").And.All.Not.Contain("ISABOUT"));
        });
        Assert.That(SqlServerArticleSearch.Term("wy\"vern"), Is.EqualTo("\"wy\"\"vern\""), "a quote inside a term is doubled");
        Assert.That(
            SqlServerArticleSearch.AnyWord(Application.Search.SearchWords.Parse(HostileSearch.Q!)),
            Does.StartWith("\"wyvern\" OR \"NEAR\" OR \"train\" OR \"1\"")
        );
    }

    /// <summary>
    /// Only the Application's own refusals and domain rules; anything else (an InvalidOperationException "could not be
    /// translated", a NotSupportedException from the provider) fails the test with its message.
    /// </summary>
    private static bool IsExpectedRefusal(Exception ex) =>
        ex is DomainException || ex.GetType().Namespace == typeof(Application.Common.Exceptions.NotFoundException).Namespace;

    private static async Task SendAsync(IMediator mediator, object request)
    {
        var send = typeof(IMediator)
            .GetMethods()
            .Single(m => m is { Name: nameof(IMediator.Send), IsGenericMethodDefinition: true })
            .MakeGenericMethod(ResponseTypeOf(request.GetType())!);
        await (Task)send.Invoke(mediator, [request, CancellationToken.None])!;
    }

    private static Type? ResponseTypeOf(Type requestType) =>
        requestType
            .GetInterfaces()
            .SingleOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))
            ?.GetGenericArguments()[0];

    private static void Report(Sample sample, IReadOnlyList<string> commands, Exception? refusal)
    {
        var text = new StringBuilder();
        text.Append("-- ").Append(sample.Request.GetType().Name).Append(": ").Append(commands.Count).Append(" command(s)");
        if (refusal is not null)
        {
            text.Append(", then ").Append(refusal.GetType().Name).Append(": ").Append(refusal.Message);
        }

        text.AppendLine();
        foreach (var command in commands)
        {
            text.AppendLine(command.TrimEnd()).AppendLine(";");
        }

        TestContext.Out.WriteLine(text);
        lock (RenderedSql)
        {
            RenderedSql.AppendLine(text.ToString());
        }
    }

    private static Mock<IIdentityService> Identity()
    {
        var noErrors = (IReadOnlyDictionary<string, string[]>)new Dictionary<string, string[]>(StringComparer.Ordinal);
        var identity = new Mock<IIdentityService>();
        identity.Setup(i => i.IsEmailTakenAsync(It.IsAny<string>(), It.IsAny<Guid?>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        identity.Setup(i => i.CreateUserAsync(It.IsAny<Guid>(), It.IsAny<string>(), It.IsAny<string>())).ReturnsAsync(noErrors);
        identity.Setup(i => i.UpdateCredentialsAsync(It.IsAny<Guid>(), It.IsAny<string?>(), It.IsAny<string?>())).ReturnsAsync(noErrors);
        identity.Setup(i => i.SetPasswordAsync(It.IsAny<Guid>(), It.IsAny<string>())).ReturnsAsync(noErrors);
        identity.Setup(i => i.FindIdByEmailAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(RowId);
        identity.Setup(i => i.GetRolesAsync(It.IsAny<Guid>())).ReturnsAsync(["user"]);
        identity
            .Setup(i => i.CheckCredentialsAsync(It.IsAny<string>(), It.IsAny<string>()))
            .ReturnsAsync(new SignInOutcome(SignInStatus.Succeeded, RowId));
        identity.Setup(i => i.GetEmailAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>())).ReturnsAsync("jake@example.com");
        identity.Setup(i => i.IsInRoleAsync(It.IsAny<Guid>(), It.IsAny<string>())).ReturnsAsync(true);
        identity.Setup(i => i.AuthorizeAsync(It.IsAny<Guid>(), It.IsAny<string>())).ReturnsAsync(true);
        return identity;
    }

    public sealed record Sample(object Request, Guid? Caller)
    {
        public Sample(object request)
            : this(request, RowId) { }
    }

    private sealed class SampleCaller : ICurrentUser
    {
        public Guid? Id { get; set; }
    }

    /// <summary>
    /// The Application's unit of work without its transaction: beginning one needs a server, and a transaction changes
    /// no query's translation. Everything else is the SQL Server context itself.
    /// </summary>
    private sealed class WithoutTransactions(ApplicationDbContext context) : IApplicationDbContext
    {
        private readonly IApplicationDbContext _db = context;

        public DbSet<User> Users => _db.Users;

        public DbSet<Follow> Follows => _db.Follows;

        public DbSet<Article> Articles => _db.Articles;

        public DbSet<ArticleTag> ArticleTags => _db.ArticleTags;

        public DbSet<Favorite> Favorites => _db.Favorites;

        public DbSet<Comment> Comments => _db.Comments;

        public DbSet<SentEmail> SentEmails => _db.SentEmails;

        public DbSet<Flag> Flags => _db.Flags;

        public DbSet<PasswordResetToken> PasswordResetTokens => _db.PasswordResetTokens;

        public DbSet<SignInThrottle> SignInThrottles => _db.SignInThrottles;

        public DbSet<AuditLogEntry> AuditLog => _db.AuditLog;

        public IQueryable<IdentityAccount> IdentityAccounts => _db.IdentityAccounts;

        public IQueryable<IdentityAccountRole> IdentityAccountRoles => _db.IdentityAccountRoles;
        public DbSet<SiteExport> SiteExports => _db.SiteExports;

        public Task<int> SaveChangesAsync(CancellationToken cancellationToken) => _db.SaveChangesAsync(cancellationToken);

        public Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
            work(cancellationToken);
    }
}
