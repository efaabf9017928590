using CleanApp.Domain.Users;
using CleanApp.Infrastructure.Identity;
using CleanApp.Infrastructure.IntegrationTests.Support;
using CleanApp.Infrastructure.Persistence.Interceptors;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Infrastructure.IntegrationTests.Persistence;

public sealed class AuditableEntityInterceptorTests
{
    private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(6_789_012);
    private string _path = null!;
    private ManualClock _clock = null!;
    private InfrastructureHost _host = null!;

    [SetUp]
    public async Task StartHost()
    {
        _path = InfrastructureHost.NewDatabasePath();
        _clock = new ManualClock(Start);
        _host = new InfrastructureHost(_path, _clock);
        await _host.MigrateAsync();
    }

    [TearDown]
    public void StopHost()
    {
        _host.Dispose();
        InfrastructureHost.DeleteDatabase(_path);
    }

    [Test]
    public async Task A_new_entity_gets_CreatedAt_and_UpdatedAt_from_the_clock_truncated_to_milliseconds()
    {
        var id = await AddUserAsync();

        var stored = await LoadAsync(id);
        var expected = new DateTime(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);
        Assert.Multiple(() =>
        {
            Assert.That(stored.CreatedAt, Is.EqualTo(expected));
            Assert.That(stored.UpdatedAt, Is.EqualTo(expected));
            Assert.That(stored.CreatedAt.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(stored.CreatedAt.Ticks % TimeSpan.TicksPerMillisecond, Is.Zero);
        });
    }

    [Test]
    public async Task An_update_moves_UpdatedAt_to_the_clock_and_keeps_CreatedAt()
    {
        var id = await AddUserAsync();
        var created = await LoadAsync(id);
        _clock.Now = Start.AddSeconds(10).AddTicks(4_321);

        await ChangeBioAsync(id, "later");

        var stored = await LoadAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(stored.CreatedAt, Is.EqualTo(created.CreatedAt));
            Assert.That(stored.UpdatedAt, Is.EqualTo(AuditableEntityInterceptor.TruncateToMilliseconds(_clock.Now.UtcDateTime)));
            Assert.That(stored.UpdatedAt.Ticks % TimeSpan.TicksPerMillisecond, Is.Zero);
        });
    }

    [Test]
    public async Task Updates_within_the_same_millisecond_still_strictly_increase_UpdatedAt()
    {
        var id = await AddUserAsync();
        var previous = (await LoadAsync(id)).UpdatedAt;

        for (var i = 0; i < 3; i++)
        {
            _clock.Now = Start.AddTicks(i * 10);
            await ChangeBioAsync(id, $"bio {i}");
            var current = (await LoadAsync(id)).UpdatedAt;
            Assert.That(current, Is.GreaterThan(previous), $"update {i}");
            previous = current;
        }
    }

    [Test]
    public async Task A_clock_that_goes_backwards_never_moves_UpdatedAt_back()
    {
        var id = await AddUserAsync();
        var created = (await LoadAsync(id)).UpdatedAt;
        _clock.Now = Start.AddMinutes(-5);

        await ChangeBioAsync(id, "earlier");

        Assert.That((await LoadAsync(id)).UpdatedAt, Is.EqualTo(created.AddMilliseconds(1)));
    }

    [Test]
    public async Task Saving_an_unchanged_entity_leaves_UpdatedAt_alone()
    {
        var id = await AddUserAsync();
        var before = (await LoadAsync(id)).UpdatedAt;
        _clock.Now = Start.AddHours(1);

        await _host.WithContextAsync(async db =>
        {
            _ = await db.Set<User>().SingleAsync(u => u.Id == id);
            return await db.SaveChangesAsync();
        });

        Assert.That((await LoadAsync(id)).UpdatedAt, Is.EqualTo(before));
    }

    private Task<Guid> AddUserAsync() =>
        _host.WithContextAsync(async db =>
        {
            var id = Guid.NewGuid();
            db.Users.Add(
                new ApplicationUser
                {
                    Id = id,
                    UserName = IdentityService.UserNameFor(id),
                    Email = $"{id:N}@example.com",
                }
            );
            db.Set<User>().Add(User.Register(id, $"u{id:N}"[..20]));
            await db.SaveChangesAsync();
            return id;
        });

    private Task<int> ChangeBioAsync(Guid id, string bio) =>
        _host.WithContextAsync(async db =>
        {
            var user = await db.Set<User>().SingleAsync(u => u.Id == id);
            user.ChangeBio(bio);
            return await db.SaveChangesAsync();
        });

    private Task<User> LoadAsync(Guid id) => _host.WithContextAsync(db => db.Set<User>().AsNoTracking().SingleAsync(u => u.Id == id));
}
