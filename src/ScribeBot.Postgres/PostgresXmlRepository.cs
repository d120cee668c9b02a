using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ScribeBot.Postgres;

/// <summary>
/// ASP.NET Core's data-protection key ring in the shared database, so a cookie one instance issued (the dashboard's
/// session, a sign-in in progress, an antiforgery token) is read by every other: behind a load balancer the next request
/// may land anywhere. An instance that meets a key it does not know yet reloads the ring once, so a key another instance
/// just made is found. The keys are stored as ASP.NET Core writes them, unencrypted, as on the file system by default on
/// Linux: whoever can read the database can forge a dashboard session (README, "Run several instances").
/// The store is asked for at first use, not when the options are built: building it validates the connection string,
/// and an empty one must stop the start with the settings' one-line message, not an exception from the options.
/// </summary>
internal sealed class PostgresXmlRepository(Func<PostgresIncidentStore> store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. store().ReadDataProtectionElements().Select(xml => XElement.Parse(xml))];

    public void StoreElement(XElement element, string friendlyName) =>
        store().StoreDataProtectionElement(friendlyName, element.ToString(SaveOptions.DisableFormatting));
}
