using CleanApp.Client;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Clients;

/// <summary>
/// The C# client generated from the committed docs/openapi/v1.json (clients/CSharp) against a running CleanApp, as a
/// consumer uses it: register, log in, create, read, partially update and list articles with paging, and read a 404 and
/// a 422 back as typed errors.
/// </summary>
public sealed class CSharpClientSmokeTests : ApiFixture
{
    [Test]
    public async Task A_consumer_registers_logs_in_publishes_reads_and_pages_with_the_generated_client()
    {
        var conduit = new ConduitClient(Client);
        var name = "cs" + Guid.NewGuid().ToString("N")[..10];
        var registered = await conduit.RegisterUserAsync(
            new RegisterUserUserRequest
            {
                User = new RegisterUserCommand
                {
                    Username = name,
                    Email = name + "@example.com",
                    Password = "password123",
                },
            }
        );
        Assert.That(registered.User.Username, Is.EqualTo(name));
        Assert.That(registered.User.Bio, Is.Null);

        var login = await conduit.LoginAsync(
            new LoginUserUserRequest
            {
                User = new LoginUserCommand { Email = name + "@example.com", Password = "password123" },
            }
        );
        conduit.Token = login.User.Token;
        Assert.That((await conduit.GetCurrentUserAsync()).User.Email, Is.EqualTo(name + "@example.com"));

        var slugs = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var created = await conduit.CreateArticleAsync(
                new CreateArticleArticleRequest
                {
                    Article = new CreateArticleCommand
                    {
                        Title = $"Client smoke {name} {i}",
                        Description = "from the generated client",
                        Body = "Body " + i,
                        TagList = [name, "smoke"],
                    },
                }
            );
            Assert.That(created.Article.Author.Username, Is.EqualTo(name));
            Assert.That(created.Article.TagList, Is.EqualTo(new[] { name, "smoke" }.Order(StringComparer.Ordinal)));
            slugs.Add(created.Article.Slug);
        }

        var read = await conduit.GetArticleAsync(slugs[0]);
        Assert.That(read.Article.Body, Is.EqualTo("Body 0"));
        Assert.That(read.Article.CreatedAt.Offset, Is.EqualTo(TimeSpan.Zero));

        // A partial update: only `body` is sent (the client leaves null properties out).
        var updated = await conduit.UpdateArticleAsync(
            slugs[0],
            new UpdateArticleFieldsArticleRequest { Article = new UpdateArticleFields { Body = "Edited" } }
        );
        Assert.That(updated.Article.Body, Is.EqualTo("Edited"));
        Assert.That(updated.Article.Title, Is.EqualTo(read.Article.Title));

        var page1 = await conduit.ListArticlesAsync(tag: name, limit: 2, offset: 0);
        var page2 = await conduit.ListArticlesAsync(tag: name, limit: 2, offset: 2);
        Assert.That(page1.ArticlesCount, Is.EqualTo(3));
        Assert.That(page1.Articles.Select(a => a.Slug), Is.EqualTo(new[] { slugs[2], slugs[1] }));
        Assert.That(page2.Articles.Select(a => a.Slug), Is.EqualTo(new[] { slugs[0] }));

        var notFound = await Assert.ThrowsAsync<ConduitApiException<ErrorBody>>(() => conduit.GetArticleAsync("no-such-article-" + name));
        Assert.That(notFound!.StatusCode, Is.EqualTo(404));
        Assert.That(notFound.Result.Errors["article"], Is.EqualTo(new[] { "not found" }));

        var invalid = await Assert.ThrowsAsync<ConduitApiException<ErrorBody>>(() =>
            conduit.CreateArticleAsync(
                new CreateArticleArticleRequest
                {
                    Article = new CreateArticleCommand
                    {
                        Title = "",
                        Description = "d",
                        Body = "b",
                    },
                }
            )
        );
        Assert.That(invalid!.StatusCode, Is.EqualTo(422));
        Assert.That(invalid.Result.Errors["title"], Is.EqualTo(new[] { "can't be blank" }));

        var unauthorized = await Assert.ThrowsAsync<ConduitApiException<ErrorBody>>(() => new ConduitClient(Client).GetFeedAsync());
        Assert.That(unauthorized!.StatusCode, Is.EqualTo(401));
        Assert.That(unauthorized.Result.Errors["token"], Is.EqualTo(new[] { "is missing" }));
    }
}
