using CleanApp.Infrastructure.Email;
using CleanApp.Infrastructure.Persistence;
using CleanApp.WebApi.FunctionalTests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.WebApi.FunctionalTests.Host;

/// <summary>
/// The test host writes only into its own temp folder: the database, the .eml pickup folder (which defaults to
/// src/WebApi/data/mail under the content root) and no log file at all.
/// </summary>
public sealed class TestHostFolderTests
{
    [Test]
    public void Database_and_mail_go_to_the_factorys_temp_folder_and_no_log_file_is_configured()
    {
        using var factory = new CleanAppFactory().WithSetting("Jobs:Enabled", "false");
        using var scope = factory.Services.CreateScope();
        var mail = scope.ServiceProvider.GetRequiredService<PickupDirectoryEmailSender>().Directory;
        var database = new SqliteConnectionStringBuilder(
            scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Database.GetConnectionString()
        ).DataSource;
        var sinks = factory.Services.GetRequiredService<IConfiguration>().GetSection("Serilog:WriteTo").GetChildren();

        Assert.Multiple(() =>
        {
            Assert.That(factory.Folder, Does.StartWith(Path.GetTempPath()));
            Assert.That(mail, Does.StartWith(factory.Folder + Path.DirectorySeparatorChar));
            Assert.That(database, Does.StartWith(factory.Folder + Path.DirectorySeparatorChar));
            Assert.That(sinks, Is.Empty, "no configured sink, so no log file");
        });
    }
}
