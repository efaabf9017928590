namespace CleanApp.Domain.Articles;

/// <summary>One tag on one article. The set of tags in use is the set of distinct names over all articles.</summary>
public sealed class ArticleTag
{
    internal ArticleTag(string name) => Name = name;

    public int ArticleId { get; private set; }

    public string Name { get; private set; }
}
