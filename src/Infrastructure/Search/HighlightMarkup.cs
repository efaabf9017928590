using System.Text;

namespace CleanApp.Infrastructure.Search;

/// <summary>
/// Turns an excerpt whose matches are delimited by <see cref="Open"/>/<see cref="Close"/> into the API's HTML fragment:
/// the text escaped, matches in <c>&lt;mark&gt;</c>. The delimiters are private-use characters; an author can type them,
/// so they are only trusted as far as they balance: stray ones are dropped, an open match is closed at the end.
/// </summary>
public static class HighlightMarkup
{
    public const char Open = '\uE000';
    public const char Close = '\uE001';
    public const string Ellipsis = "…";

    public static string ToHtml(string excerpt)
    {
        var html = new StringBuilder(excerpt.Length + 32);
        var open = false;
        foreach (var c in excerpt)
        {
            switch (c)
            {
                case Open when !open:
                    html.Append("<mark>");
                    open = true;
                    break;
                case Close when open:
                    html.Append("</mark>");
                    open = false;
                    break;
                case Open or Close:
                    break;
                case '&':
                    html.Append("&amp;");
                    break;
                case '<':
                    html.Append("&lt;");
                    break;
                case '>':
                    html.Append("&gt;");
                    break;
                case '"':
                    html.Append("&quot;");
                    break;
                case '\'':
                    html.Append("&#39;");
                    break;
                default:
                    html.Append(c);
                    break;
            }
        }

        if (open)
        {
            html.Append("</mark>");
        }

        return html.ToString();
    }
}
