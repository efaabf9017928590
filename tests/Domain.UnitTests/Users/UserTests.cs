using CleanApp.Domain.Common;
using CleanApp.Domain.Users;

namespace CleanApp.Domain.UnitTests.Users;

public sealed class UserTests
{
    [TestCase("")]
    [TestCase(" ")]
    [TestCase("\t\n")]
    public void Register_refuses_a_blank_username(string username)
    {
        var ex = Assert.Throws<DomainException>(() => User.Register(Guid.NewGuid(), username));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Key, Is.EqualTo("username"));
            Assert.That(ex.Message, Is.EqualTo("can't be blank"));
        });
    }

    [Test]
    public void Register_refuses_a_null_username()
    {
        var ex = Assert.Throws<DomainException>(() => User.Register(Guid.NewGuid(), null!));

        Assert.That(ex!.Key, Is.EqualTo("username"));
    }

    [Test]
    public void Register_refuses_a_username_longer_than_the_maximum()
    {
        var tooLong = new string('a', UserConstraints.UsernameMaxLength + 1);

        var ex = Assert.Throws<DomainException>(() => User.Register(Guid.NewGuid(), tooLong));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Key, Is.EqualTo("username"));
            Assert.That(ex.Message, Does.StartWith("is too long"));
        });
    }

    [Test]
    public void Register_accepts_a_username_of_exactly_the_maximum_length()
    {
        var longest = new string('a', UserConstraints.UsernameMaxLength);

        var user = User.Register(Guid.NewGuid(), longest);

        Assert.That(user.Username, Is.EqualTo(longest));
    }

    [Test]
    public void Register_keeps_the_id_and_username_and_normalizes_it()
    {
        var id = Guid.NewGuid();

        var user = User.Register(id, "Jake.Doe");

        Assert.Multiple(() =>
        {
            Assert.That(user.Id, Is.EqualTo(id));
            Assert.That(user.Username, Is.EqualTo("Jake.Doe"));
            Assert.That(user.NormalizedUsername, Is.EqualTo("JAKE.DOE"));
            Assert.That(user.Bio, Is.Null);
            Assert.That(user.Image, Is.Null);
        });
    }

    [Test]
    public void Register_raises_a_UserRegisteredEvent_with_the_id()
    {
        var id = Guid.NewGuid();

        var user = User.Register(id, "jake");

        Assert.That(user.DomainEvents, Is.EqualTo(new IDomainEvent[] { new UserRegisteredEvent(id) }));
    }

    [Test]
    public void ClearDomainEvents_empties_the_list()
    {
        var user = User.Register(Guid.NewGuid(), "jake");

        user.ClearDomainEvents();

        Assert.That(user.DomainEvents, Is.Empty);
    }

    [TestCase("jake", "JAKE")]
    [TestCase("JaKe", "JAKE")]
    [TestCase("jürgen", "JÜRGEN")]
    [TestCase("ирина", "ИРИНА")]
    [TestCase("a_b.c-1", "A_B.C-1")]
    public void Normalize_is_the_invariant_upper_case(string username, string expected) =>
        Assert.That(User.Normalize(username), Is.EqualTo(expected));

    [Test]
    public void Normalize_makes_usernames_differing_only_by_case_equal() =>
        Assert.That(User.Normalize("Jake"), Is.EqualTo(User.Normalize("jAKE")));

    [Test]
    public void Normalize_ignores_the_current_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            // Turkish upper-cases 'i' to 'İ'; the normalized form must not depend on the server's culture.
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");

            Assert.That(User.Normalize("iki"), Is.EqualTo("IKI"));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Test]
    public void Rename_changes_the_username_and_its_normalized_form()
    {
        var user = User.Register(Guid.NewGuid(), "jake");

        user.Rename("Jacob");

        Assert.Multiple(() =>
        {
            Assert.That(user.Username, Is.EqualTo("Jacob"));
            Assert.That(user.NormalizedUsername, Is.EqualTo("JACOB"));
        });
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Rename_refuses_a_blank_username_and_keeps_the_old_one(string username)
    {
        var user = User.Register(Guid.NewGuid(), "jake");

        Assert.Throws<DomainException>(() => user.Rename(username));

        Assert.Multiple(() =>
        {
            Assert.That(user.Username, Is.EqualTo("jake"));
            Assert.That(user.NormalizedUsername, Is.EqualTo("JAKE"));
        });
    }

    [Test]
    public void Rename_refuses_a_too_long_username_and_keeps_the_old_one()
    {
        var user = User.Register(Guid.NewGuid(), "jake");

        Assert.Throws<DomainException>(() => user.Rename(new string('x', UserConstraints.UsernameMaxLength + 1)));

        Assert.That(user.Username, Is.EqualTo("jake"));
    }

    [Test]
    public void ChangeBio_stores_the_text()
    {
        var user = User.Register(Guid.NewGuid(), "jake");

        user.ChangeBio("I work at statefarm");

        Assert.That(user.Bio, Is.EqualTo("I work at statefarm"));
    }

    [TestCase("")]
    [TestCase(null)]
    public void ChangeBio_stores_empty_or_null_as_null(string? bio)
    {
        var user = User.Register(Guid.NewGuid(), "jake");
        user.ChangeBio("something");

        user.ChangeBio(bio);

        Assert.That(user.Bio, Is.Null);
    }

    [Test]
    public void ChangeImage_stores_the_url()
    {
        var user = User.Register(Guid.NewGuid(), "jake");

        user.ChangeImage("https://example.com/a.png");

        Assert.That(user.Image, Is.EqualTo("https://example.com/a.png"));
    }

    [TestCase("")]
    [TestCase(null)]
    public void ChangeImage_stores_empty_or_null_as_null(string? image)
    {
        var user = User.Register(Guid.NewGuid(), "jake");
        user.ChangeImage("https://example.com/a.png");

        user.ChangeImage(image);

        Assert.That(user.Image, Is.Null);
    }

    [Test]
    public void Changing_bio_or_image_raises_no_further_event()
    {
        var user = User.Register(Guid.NewGuid(), "jake");
        user.ClearDomainEvents();

        user.ChangeBio("bio");
        user.ChangeImage("https://example.com/a.png");
        user.Rename("jacob");

        Assert.That(user.DomainEvents, Is.Empty);
    }
}
