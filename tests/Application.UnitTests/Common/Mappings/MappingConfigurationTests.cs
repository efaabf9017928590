using System.Reflection;
using AutoMapper;
using AutoMapper.Internal;
using AutoMapper.QueryableExtensions;
using CleanApp.Application.Articles;
using CleanApp.Application.Comments;
using CleanApp.Application.Profiles;
using CleanApp.Application.Users;
using CleanApp.Domain.Articles;
using CleanApp.Domain.Comments;
using CleanApp.Domain.Profiles;
using CleanApp.Domain.Users;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.Application.UnitTests.Common.Mappings;

/// <summary>The read-side maps as AddApplicationServices registers them (docs/decisions/0015).</summary>
public sealed class MappingConfigurationTests
{
    private ServiceProvider _services = null!;
    private IConfigurationProvider _configuration = null!;

    [OneTimeSetUp]
    public void Build()
    {
        _services = new ServiceCollection().AddLogging().AddApplicationServices().BuildServiceProvider();
        _configuration = _services.GetRequiredService<IConfigurationProvider>();
    }

    [OneTimeTearDown]
    public void Release() => _services.Dispose();

    [Test]
    public void The_configuration_is_valid() => Assert.DoesNotThrow(_configuration.AssertConfigurationIsValid);

    [TestCase(typeof(User), typeof(UserDto))]
    [TestCase(typeof(User), typeof(ProfileDto))]
    [TestCase(typeof(Article), typeof(ArticleDto))]
    [TestCase(typeof(ArticleDto), typeof(ArticleListItemDto))]
    [TestCase(typeof(Comment), typeof(CommentDto))]
    public void Every_read_DTO_has_its_one_map(Type source, Type destination) =>
        Assert.That(_configuration.Internal().FindTypeMapFor(source, destination), Is.Not.Null);

    [Test]
    public void A_list_item_has_no_map_of_its_own_from_the_article()
    {
        // It is the article's projection without the body, so every field is defined once (ArticleMappingProfile).
        Assert.That(_configuration.Internal().FindTypeMapFor(typeof(Article), typeof(ArticleListItemDto)), Is.Null);
    }

    [Test]
    public void A_User_projects_to_a_UserDto_without_email_or_token()
    {
        var user = User.Register(Guid.NewGuid(), "jake");
        user.ChangeBio("I work at statefarm");
        user.ChangeImage("https://example.com/jake.png");

        var dto = new[] { user }.AsQueryable().ProjectTo<UserDto>(_configuration).Single();

        Assert.Multiple(() =>
        {
            Assert.That(dto.Username, Is.EqualTo("jake"));
            Assert.That(dto.Bio, Is.EqualTo("I work at statefarm"));
            Assert.That(dto.Image, Is.EqualTo("https://example.com/jake.png"));
            Assert.That(dto.Email, Is.Empty);
            Assert.That(dto.Token, Is.Empty);
        });
    }

    [Test]
    public void A_new_User_projects_bio_and_image_to_null()
    {
        var dto = new[] { User.Register(Guid.NewGuid(), "jake") }.AsQueryable().ProjectTo<UserDto>(_configuration).Single();

        Assert.Multiple(() =>
        {
            Assert.That(dto.Bio, Is.Null);
            Assert.That(dto.Image, Is.Null);
        });
    }

    [Test]
    public void Following_is_computed_for_the_callerId_parameter_and_false_for_an_anonymous_caller()
    {
        var jake = User.Register(Guid.NewGuid(), "jake");
        var follower = Guid.NewGuid();

        // The followers navigation is filled only by EF Core; set it the same way, through its backing field.
        var followers = (List<Follow>)typeof(User).GetField("_followers", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(jake)!;
        followers.Add(Follow.Create(follower, jake.Id));
        var users = new[] { jake }.AsQueryable();

        Assert.Multiple(() =>
        {
            Assert.That(users.ProjectTo<ProfileDto>(_configuration).Single().Following, Is.False);
            Assert.That(users.ProjectTo<ProfileDto>(_configuration, new { callerId = (Guid?)follower }).Single().Following, Is.True);
            Assert.That(users.ProjectTo<ProfileDto>(_configuration, new { callerId = (Guid?)Guid.NewGuid() }).Single().Following, Is.False);
        });
    }
}
