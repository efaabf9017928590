namespace CleanApp.Application.Moderation;

/// <summary>One page of the moderators' queue; <see cref="FlagsCount"/> is the number of matches.</summary>
public sealed record FlagsPageDto
{
    public IReadOnlyList<FlagDto> Flags { get; init; } = [];

    public int FlagsCount { get; init; }
}
