using System.Globalization;

namespace Genre.Data.Download;

/// <summary>Byte counts for people: decimal units (as disk makers and <c>df -H</c> count), one decimal.</summary>
internal static class ByteSize
{
    private static readonly string[] s_units = ["bytes", "KB", "MB", "GB", "TB"];

    /// <summary>"1.2 GB", "512 bytes".</summary>
    public static string Format(long bytes)
    {
        double value = bytes;
        var unit = 0;
        while (Math.Abs(value) >= 1000 && unit < s_units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {s_units[unit]}");
    }

    /// <summary>"1.2 GB (1,234,567,890 bytes)": readable, and exact for whoever compares with <c>df</c>.</summary>
    public static string FormatExact(long bytes) =>
        Math.Abs(bytes) < 1000 ? Format(bytes) : string.Create(CultureInfo.InvariantCulture, $"{Format(bytes)} ({bytes:N0} bytes)");
}
