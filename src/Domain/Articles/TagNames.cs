using CleanApp.Domain.Common;

namespace CleanApp.Domain.Articles;

/// <summary>
/// The normal form of an article's tag list: each name trimmed, blanks and over-long names refused, duplicates removed,
/// sorted ordinally (shared/API.md: both conformance suites expect an ordinal order). Case is kept as written because the
/// suites send tags back verbatim (e.g. "d_x") and compare them exactly, but duplicates are found ignoring case (the first
/// spelling wins): SQL Server's default collation would treat "Go" and "go" as one key.
/// </summary>
public static class TagNames
{
    public const string Key = "tagList";

    public static IReadOnlyList<string> Normalize(IEnumerable<string?> names)
    {
        var result = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var ordered = new List<string>();
        foreach (var raw in names)
        {
            var name = raw?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                throw new DomainException(Key, "can't contain a blank tag");
            }

            if (name.Length > ArticleConstraints.TagMaxLength)
            {
                throw new DomainException(Key, $"has a tag that is too long (maximum is {ArticleConstraints.TagMaxLength} characters)");
            }

            if (result.Add(name))
            {
                ordered.Add(name);
            }
        }

        if (result.Count > ArticleConstraints.MaxTags)
        {
            throw new DomainException(Key, $"has too many tags (maximum is {ArticleConstraints.MaxTags})");
        }

        ordered.Sort(StringComparer.Ordinal);
        return ordered;
    }

    /// <summary>The form a tag filter is compared in; the same trimming as stored names.</summary>
    public static string NormalizeFilter(string name) => name.Trim();
}
