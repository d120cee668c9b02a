namespace ScribeBot.Followups;

/// <summary>A GitHub repository, <c>owner/name</c>.</summary>
internal sealed record RepositoryName(string Owner, string Name)
{
    public static bool TryParse(string? text, out RepositoryName repository)
    {
        var parts = text?.Trim().Split('/') ?? [];
        repository = parts is [var owner, var name] && owner.Length > 0 && name.Length > 0 ? new RepositoryName(owner, name) : null!;
        return repository is not null;
    }

    public override string ToString() => $"{Owner}/{Name}";
}
