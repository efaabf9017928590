using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.WebApi.FunctionalTests.Support;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 with an OS-chosen port (<see cref="Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory{TEntryPoint}.UseKestrel(System.Action{Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions})"/>,
/// new in .NET 10): a browser needs a real socket, TestServer has none.
/// </summary>
public sealed class KestrelCleanAppFactory : CleanAppFactory
{
    public KestrelCleanAppFactory() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts Kestrel and records the bound address (http://127.0.0.1:port).</summary>
    public KestrelCleanAppFactory Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First());
        return this;
    }
}
