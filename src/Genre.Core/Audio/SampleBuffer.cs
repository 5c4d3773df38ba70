namespace Genre.Audio;

/// <summary>
/// A growable float buffer that keeps at most <paramref name="limit"/> samples and hands over its array without a copy
/// when the final length is known up front.
/// </summary>
internal sealed class SampleBuffer(int capacity, int limit = int.MaxValue)
{
    private float[] _items = new float[Math.Max(Math.Min(capacity, limit), 16)];

    public int Count { get; private set; }

    public void Append(ReadOnlySpan<float> values)
    {
        values = values[..Math.Min(values.Length, limit - Count)];
        if (Count + values.Length > _items.Length)
        {
            var grown = (int)Math.Min(Array.MaxLength, Math.Max((long)_items.Length * 2, (long)Count + values.Length));
            Array.Resize(ref _items, grown);
        }

        values.CopyTo(_items.AsSpan(Count));
        Count += values.Length;
    }

    /// <summary>The first <paramref name="length"/> samples, zero-padded when fewer were produced (librosa's fix_length).</summary>
    public float[] ToArray(int length)
    {
        if (length == _items.Length)
        {
            if (Count < length)
            {
                _items.AsSpan(Count).Clear();
            }

            return _items;
        }

        var result = new float[length];
        _items.AsSpan(0, Math.Min(Count, length)).CopyTo(result);
        return result;
    }
}
