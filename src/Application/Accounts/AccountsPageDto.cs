namespace CleanApp.Application.Accounts;

/// <summary>One page of accounts; <see cref="AccountsCount"/> is the number of matches, not the page size.</summary>
public sealed record AccountsPageDto
{
    public IReadOnlyList<AccountDto> Accounts { get; init; } = [];

    public int AccountsCount { get; init; }
}
