using Npgsql;

namespace ScribeBot.Postgres;

/// <summary>
/// The rows of <c>data_protection_keys</c>, for <see cref="PostgresXmlRepository"/>. Synchronous because ASP.NET Core's
/// key repository is: it is read when an instance first protects or unprotects something and again about once a day, and
/// written when a key is made (every 90 days), so a blocking call there costs nothing a request would notice.
/// </summary>
internal sealed partial class PostgresIncidentStore
{
    /// <summary>Every stored element's XML, oldest first.</summary>
    internal IReadOnlyList<string> ReadDataProtectionElements()
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys ORDER BY id", connection);
        using var reader = command.ExecuteReader();
        var elements = new List<string>();
        while (reader.Read())
        {
            elements.Add(reader.GetString(0));
        }

        return elements;
    }

    internal void StoreDataProtectionElement(string friendlyName, string xml)
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@name, @xml)", connection);
        command.Parameters.AddWithValue("name", friendlyName);
        command.Parameters.AddWithValue("xml", xml);
        command.ExecuteNonQuery();
    }
}
