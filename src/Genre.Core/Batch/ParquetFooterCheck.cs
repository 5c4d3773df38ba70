using System.Buffers.Binary;

namespace Genre.Batch;

/// <summary>
/// Walks a Parquet file's footer (Thrift compact protocol) before Parquet.Net parses it, with every count held to the
/// bytes that remain. Parquet.Net 6.1.0 trusts list sizes from the file, and a corrupt footer can make it loop for
/// many minutes (seen in the manifest fuzz test), and it reads fields by id whatever type the wire gives them, so a
/// footer that fails this walk is refused first: every count held to the bytes left, and every field Parquet.Net reads
/// of the type parquet.thrift gives it (<see cref="ParquetFooterSchema"/>). Written here because Parquet.Net has no
/// such checks; Parquet.Net still reads the meaning.
/// </summary>
internal static class ParquetFooterCheck
{
    private const int MaxDepth = 64;

    /// <summary>Null when the footer is well-formed; otherwise what is wrong with it.</summary>
    public static string? Problem(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return null;
        }

        var length = stream.Length;
        if (length < 12)
        {
            return "too short for a Parquet file";
        }

        Span<byte> tail = stackalloc byte[8];
        stream.Seek(-8, SeekOrigin.End);
        stream.ReadExactly(tail);
        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (!tail[4..].SequenceEqual("PAR1"u8) || footerLength <= 0 || footerLength > length - 12)
        {
            return "no Parquet footer at the end of the file";
        }

        var footer = new byte[footerLength];
        stream.Seek(-8 - footerLength, SeekOrigin.End);
        stream.ReadExactly(footer);
        stream.Seek(0, SeekOrigin.Begin);
        var walker = new Walker(footer);
        return walker.Struct(0, ParquetFooterSchema.FileMetaData) && walker.InBounds ? null : "the Parquet footer is corrupt";
    }

    private ref struct Walker(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _at;

        public readonly bool InBounds => _at <= _data.Length;

        public bool Struct(int depth, string? name)
        {
            if (depth > MaxDepth)
            {
                return false;
            }

            var field = 0L;
            while (true)
            {
                if (!Byte(out var header))
                {
                    return false;
                }

                if (header == 0)
                {
                    return true;
                }

                // A zero delta means the field id follows as a zigzag varint.
                if ((header >> 4) == 0)
                {
                    if (!VarInt(out var id))
                    {
                        return false;
                    }

                    field = (id >> 1) ^ -(id & 1);
                }
                else
                {
                    field += header >> 4;
                }

                var type = header & 0x0F;
                var spec = field is > 0 and <= short.MaxValue ? ParquetFooterSchema.Field(name, (int)field) : null;
                if (spec is { } expected && !ParquetFooterSchema.Matches(expected.Type, type))
                {
                    return false;
                }

                if (!Value(type, depth, spec))
                {
                    return false;
                }
            }
        }

        private bool Value(int type, int depth, (int Type, int Element, string? Child)? spec = null)
        {
            switch (type)
            {
                case 1 or 2:
                    return true;
                case 3:
                    return Skip(1);
                case 4 or 5 or 6:
                    return VarInt(out _);
                case 7:
                    return Skip(8);
                case 8:
                    return VarInt(out var size) && Skip(size);
                case 9 or 10:
                    return Collection(depth, spec);
                case 11:
                    return Map(depth);
                case 12:
                    return Struct(depth + 1, spec?.Child);
                case 13:
                    return Skip(16);
                default:
                    return false;
            }
        }

        /// <summary>A list or set: every element takes at least one byte (bools too, in a collection), so its size is bounded by what remains.</summary>
        private bool Collection(int depth, (int Type, int Element, string? Child)? spec)
        {
            if (!Byte(out var header))
            {
                return false;
            }

            long size = header >> 4;
            if (size == 15 && !VarInt(out size))
            {
                return false;
            }

            var element = header & 0x0F;
            if (size > _data.Length - _at || (size > 0 && spec is { } expected && !ParquetFooterSchema.Matches(expected.Element, element)))
            {
                return false;
            }

            // Each element as a value of the list's element type (a struct element carries its struct's name).
            (int Type, int Element, string? Child)? elementSpec = spec is { } list ? (list.Element, 0, list.Child) : null;
            for (var i = 0; i < size; i++)
            {
                if (element is 1 or 2 ? !Skip(1) : !Value(element, depth + 1, elementSpec))
                {
                    return false;
                }
            }

            return true;
        }

        private bool Map(int depth)
        {
            if (!VarInt(out var size))
            {
                return false;
            }

            if (size == 0)
            {
                return true;
            }

            if (!Byte(out var types) || 2 * size > _data.Length - _at)
            {
                return false;
            }

            for (var i = 0; i < size; i++)
            {
                if (!Value(types >> 4, depth + 1) || !Value(types & 0x0F, depth + 1))
                {
                    return false;
                }
            }

            return true;
        }

        private bool Byte(out int value)
        {
            value = _at < _data.Length ? _data[_at] : 0;
            return _at++ < _data.Length;
        }

        private bool Skip(long count)
        {
            if (count < 0 || count > _data.Length - _at)
            {
                return false;
            }

            _at += (int)count;
            return true;
        }

        /// <summary>An unsigned varint of at most ten bytes.</summary>
        private bool VarInt(out long value)
        {
            value = 0;
            for (var shift = 0; shift < 70; shift += 7)
            {
                if (!Byte(out var b))
                {
                    return false;
                }

                value |= (long)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return value >= 0;
                }
            }

            return false;
        }
    }
}
