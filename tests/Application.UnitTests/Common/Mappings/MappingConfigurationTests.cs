using AutoMapper;
using CleanApp.Application.Common.Mappings;
using CleanApp.Application.Users;
using CleanApp.Domain.Users;

namespace CleanApp.Application.UnitTests.Common.Mappings;

public sealed class MappingConfigurationTests
{
    private MapperConfiguration _configuration = null!;
    private IMapper _mapper = null!;

    [OneTimeSetUp]
    public void Build()
    {
        _configuration = MappingConfiguration.Create();
        _mapper = _configuration.CreateMapper();
    }

    [Test]
    public void The_configuration_is_valid() => Assert.DoesNotThrow(_configuration.AssertConfigurationIsValid);

    [Test]
    public void A_User_maps_to_a_UserDto_without_email_or_token()
    {
        var user = User.Register(Guid.NewGuid(), "jake");
        user.ChangeBio("I work at statefarm");
        user.ChangeImage("https://example.com/jake.png");

        var dto = _mapper.Map<UserDto>(user);

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
    public void A_new_User_maps_bio_and_image_to_null()
    {
        var dto = _mapper.Map<UserDto>(User.Register(Guid.NewGuid(), "jake"));

        Assert.Multiple(() =>
        {
            Assert.That(dto.Bio, Is.Null);
            Assert.That(dto.Image, Is.Null);
        });
    }
}
