using CleanApp.Infrastructure.Email;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.Application.FunctionalTests.Support;

/// <summary>
/// <see cref="TestApp"/> writes only into its own temp folder: the database, the .eml pickup folder (which defaults to
/// src/WebApi/data/mail under the content root) and no log file at all.
/// </summary>
public sealed class TestAppFolderTests : AppFixture
{
    [Test]
    public async Task Database_and_mail_go_to_a_temp_folder_and_no_log_file_is_configured()
    {
        var mail = App.Services.GetRequiredService<PickupDirectoryEmailSender>().Directory;
        var database = await App.QueryAsync(db =>
            Task.FromResult(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource)
        );
        var sinks = App.Services.GetRequiredService<IConfiguration>().GetSection("Serilog:WriteTo").GetChildren();

        Assert.Multiple(() =>
        {
            Assert.That(mail, Does.StartWith(Path.GetTempPath()));
            Assert.That(database, Does.StartWith(Path.GetTempPath()));
            Assert.That(Path.GetDirectoryName(mail), Is.EqualTo(Path.GetDirectoryName(database)), "one folder per test app");
            Assert.That(sinks, Is.Empty, "no configured sink, so no log file");
        });
    }
}
