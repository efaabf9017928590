using System.Net;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Profiles;

public sealed class ProfilesEndpointTests : ApiFixture
{
    [Test]
    public async Task Get_profile_anonymously_has_nulls_and_following_false()
    {
        var user = await Client.RegisterAsync();

        var profile = (await Client.GetOkAsync($"/api/profiles/{user.Username}"))["profile"]!;

        Assert.Multiple(() =>
        {
            Assert.That(profile["username"].Str(), Is.EqualTo(user.Username));
            Assert.That(profile.AsObject().ContainsKey("bio"), Is.True);
            Assert.That(profile["bio"], Is.Null);
            Assert.That(profile.AsObject().ContainsKey("image"), Is.True);
            Assert.That(profile["image"], Is.Null);
            Assert.That(profile["following"]!.GetValue<bool>(), Is.False);
        });
    }

    [Test]
    public async Task Follow_and_unfollow_return_the_new_state_and_are_idempotent()
    {
        var me = await Client.RegisterAsync();
        var celeb = await Client.RegisterAsync("celeb");

        Assert.That((await Client.FollowAsync(me.Token, celeb.Username))["profile"]!["following"]!.GetValue<bool>(), Is.True);
        Assert.That((await Client.FollowAsync(me.Token, celeb.Username))["profile"]!["following"]!.GetValue<bool>(), Is.True);
        Assert.That(
            (await Client.GetOkAsync($"/api/profiles/{celeb.Username}", me.Token))["profile"]!["following"]!.GetValue<bool>(),
            Is.True
        );

        var url = $"/api/profiles/{celeb.Username}/follow";
        Assert.That((await Client.SendOkAsync(HttpMethod.Delete, url, me.Token))["profile"]!["following"]!.GetValue<bool>(), Is.False);
        Assert.That((await Client.SendOkAsync(HttpMethod.Delete, url, me.Token))["profile"]!["following"]!.GetValue<bool>(), Is.False);
        Assert.That(
            (await Client.GetOkAsync($"/api/profiles/{celeb.Username}", me.Token))["profile"]!["following"]!.GetValue<bool>(),
            Is.False
        );
    }

    [Test]
    public async Task Follow_ignores_a_stray_body()
    {
        var me = await Client.RegisterAsync();
        var celeb = await Client.RegisterAsync("celeb");
        var response = await Client.SendAsync(
            HttpMethod.Post,
            $"/api/profiles/{celeb.Username}/follow",
            me.Token,
            new { user = new { email = "x@y.z" } }
        );
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Following_yourself_is_refused_and_changes_nothing()
    {
        var me = await Client.RegisterAsync();
        await (await Client.SendAsync(HttpMethod.Post, $"/api/profiles/{me.Username}/follow", me.Token)).AssertErrorAsync(
            HttpStatusCode.UnprocessableEntity,
            "profile"
        );
        Assert.That(
            (await Client.GetOkAsync($"/api/profiles/{me.Username}", me.Token))["profile"]!["following"]!.GetValue<bool>(),
            Is.False
        );
    }

    [Test]
    public async Task Username_lookup_is_case_insensitive_and_any_characters_are_a_404()
    {
        var user = await Client.RegisterAsync();
        await Client.GetOkAsync($"/api/profiles/{user.Username.ToUpperInvariant()}");
        await (await Client.SendAsync(HttpMethod.Get, "/api/profiles/%E2%9C%93%20%27%22%3B--")).AssertErrorAsync(
            HttpStatusCode.NotFound,
            "profile",
            "not found"
        );
    }
}
