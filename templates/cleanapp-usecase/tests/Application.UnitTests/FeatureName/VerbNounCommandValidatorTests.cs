using CleanApp.Application.FeatureName.Commands.VerbNoun;

namespace CleanApp.Application.UnitTests.FeatureName;

public sealed class VerbNounCommandValidatorTests
{
    [Test]
    public void A_blank_name_is_refused()
    {
        var result = new VerbNounCommandValidator().Validate(new VerbNounCommand(""));

        Assert.That(result.Errors.Select(e => e.ErrorMessage), Does.Contain("can't be blank"));
    }

    [Test]
    public void A_name_is_accepted()
    {
        var result = new VerbNounCommandValidator().Validate(new VerbNounCommand("something"));

        Assert.That(result.IsValid, Is.True);
    }
}
