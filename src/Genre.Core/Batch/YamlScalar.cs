using System.Globalization;
using System.Text;

namespace Genre.Batch;

/// <summary>
/// YAML scalars for the Kubernetes manifest. The project has no YAML library and needs only to write, so strings are
/// always double-quoted (a path like <c>yes</c>, <c>0755</c> or <c>a: b</c> then stays a string) with YAML's escapes.
/// </summary>
internal static class YamlScalar
{
    public static string Quoted(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                // Other C0/C1 controls, DEL and Unicode line breaks are not printable in YAML: escape them by code.
                case < ' ' or '\u007f' or (>= '\u0080' and <= '\u009f') or '\u2028' or '\u2029' or '\ufeff':
                    text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        return text.Append('"').ToString();
    }
}
