using System.Globalization;

namespace Genre.Cli.Terminal;

/// <summary>How the commands write numbers for people, in one place.</summary>
internal static class Text
{
    /// <summary>A fraction in 0..1 as "12.3 %", the same everywhere whatever the machine's culture.</summary>
    public static string Percent(double fraction) => string.Create(CultureInfo.InvariantCulture, $"{100 * fraction:0.0} %");
}
