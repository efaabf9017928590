using CleanApp.Infrastructure.IntegrationTests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.Infrastructure.IntegrationTests.DataProtection;

public sealed class DatabaseKeyRingTests
{
    private string _path = null!;

    [SetUp]
    public void NewFile() => _path = InfrastructureHost.NewDatabasePath();

    [TearDown]
    public void DeleteFile() => InfrastructureHost.DeleteDatabase(_path);

    [Test]
    public async Task Protecting_data_stores_the_key_ring_in_the_DataProtectionKeys_table()
    {
        using var host = new InfrastructureHost(_path);
        await host.MigrateAsync();
        Assert.That(await host.WithContextAsync(db => db.DataProtectionKeys.CountAsync()), Is.Zero);

        var protector = host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("tests");
        var protectedText = protector.Protect("hello");

        var keys = await host.WithContextAsync(db => db.DataProtectionKeys.AsNoTracking().ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(protectedText, Is.Not.EqualTo("hello"));
            Assert.That(keys, Has.Count.GreaterThanOrEqualTo(1));
            Assert.That(keys.Select(k => k.Xml), Has.All.Contain("<key "));
        });
    }

    [Test]
    public async Task Another_instance_on_the_same_database_unprotects_what_the_first_protected()
    {
        string protectedText;
        using (var first = new InfrastructureHost(_path))
        {
            await first.MigrateAsync();
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("tests").Protect("shared secret");
        }

        using var second = new InfrastructureHost(_path);
        var unprotected = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("tests").Unprotect(protectedText);

        Assert.That(unprotected, Is.EqualTo("shared secret"));
    }
}
