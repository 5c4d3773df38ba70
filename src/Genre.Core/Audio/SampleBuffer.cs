using System.Buffers;

namespace Genre.Audio;

/// <summary>
/// A growable float buffer that keeps at most <paramref name="limit"/> samples and hands over its array without a copy
/// when the final length is known up front. With a <paramref name="pool"/> its arrays are rented from it (the batch
/// pipeline's decode buffers, reused file after file instead of a new large-object array each time).
/// </summary>
internal sealed class SampleBuffer(int capacity, int limit = int.MaxValue, ArrayPool<float>? pool = null)
{
    private float[] _items = Allocate(Math.Max(Math.Min(capacity, limit), 16), pool);

    public int Count { get; private set; }

    public void Append(ReadOnlySpan<float> values)
    {
        values = values[..Math.Min(values.Length, limit - Count)];
        if (Count + values.Length > _items.Length)
        {
            Grow((int)Math.Min(Array.MaxLength, Math.Max((long)_items.Length * 2, (long)Count + values.Length)));
        }

        values.CopyTo(_items.AsSpan(Count));
        Count += values.Length;
    }

    /// <summary>The first <paramref name="length"/> samples, zero-padded when fewer were produced (librosa's fix_length).</summary>
    public float[] ToArray(int length)
    {
        if (length == _items.Length || pool is not null)
        {
            return Detach(length);
        }

        var result = GC.AllocateUninitializedArray<float>(length);
        var kept = Math.Min(Count, length);
        _items.AsSpan(0, kept).CopyTo(result);
        result.AsSpan(kept).Clear();
        return result;
    }

    /// <summary>The buffer itself, holding at least <paramref name="length"/> samples, zero-padded after <see cref="Count"/>.</summary>
    private float[] Detach(int length)
    {
        if (length > _items.Length)
        {
            Grow(length);
        }

        if (Count < length)
        {
            _items.AsSpan(Count, length - Count).Clear();
        }

        return _items;
    }

    private void Grow(int size)
    {
        var grown = Allocate(size, pool);
        _items.AsSpan(0, Count).CopyTo(grown);
        pool?.Return(_items);
        _items = grown;
    }

    /// <summary>Uninitialised: every value up to the final length is either appended or cleared by <see cref="Detach"/>.</summary>
    private static float[] Allocate(int size, ArrayPool<float>? pool) => pool?.Rent(size) ?? GC.AllocateUninitializedArray<float>(size);
}
