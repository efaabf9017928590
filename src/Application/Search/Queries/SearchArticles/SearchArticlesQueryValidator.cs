using CleanApp.Application.Articles;
using CleanApp.Application.Common.Validation;
using FluentValidation;

namespace CleanApp.Application.Search.Queries.SearchArticles;

/// <summary>
/// Any query is answered with results or a 422, never an error from the engine (ADR 0041): bounded length, real text, at
/// least one word, a bounded number of words.
/// </summary>
public sealed class SearchArticlesQueryValidator : AbstractValidator<SearchArticlesQuery>
{
    public SearchArticlesQueryValidator()
    {
        RuleFor(x => x.Q)
            .NotEmpty()
            .WithMessage(ValidationMessages.Blank)
            .MaximumLength(SearchWords.MaxQueryLength)
            .WithMessage(ValidationMessages.TooLong(SearchWords.MaxQueryLength))
            .Must(q => !SearchWords.HasInvalidText(q!))
            .WithMessage("contains invalid text")
            .Must(q => SearchWords.Parse(q!).Words.Count > 0)
            .WithMessage("must contain a word to search for")
            .Must(q => SearchWords.Parse(q!).Words.Count <= SearchWords.MaxWords)
            .WithMessage($"has too many words (maximum is {SearchWords.MaxWords})");
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit).WithMessage($"must be between 1 and {Paging.MaxLimit}");
        RuleFor(x => x.Offset).InclusiveBetween(0, Paging.MaxOffset).WithMessage($"must be between 0 and {Paging.MaxOffset}");
    }
}
