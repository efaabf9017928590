namespace CleanApp.WebApi.CommandLine;

/// <summary>What the account verbs share: <c>--name value</c> / <c>--name=value</c> options and a password never given as an argument.</summary>
public static class CommandLineOptions
{
    public static string? Value(string[] args, string name)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (string.Equals(args[i], name, StringComparison.Ordinal) && i + 1 < args.Length)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                return args[i][(name.Length + 1)..];
            }
        }

        return null;
    }

    /// <summary>
    /// From the environment variable, else the first line of standard input (typed without echo on a terminal). An
    /// argument would end up in the shell history and the process list, so there is no <c>--password</c>.
    /// </summary>
    public static async Task<string?> PasswordAsync(string variable, TextReader input, TextWriter output)
    {
        var password = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(password))
        {
            password = Console.IsInputRedirected || !ReferenceEquals(input, Console.In) ? await input.ReadLineAsync() : ReadHidden(output);
        }

        return password;
    }

    private static string ReadHidden(TextWriter output)
    {
        output.Write("Password: ");
        var password = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                output.WriteLine();
                return password.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    password.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }
}
