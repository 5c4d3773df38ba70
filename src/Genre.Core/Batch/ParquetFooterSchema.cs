namespace Genre.Batch;

/// <summary>
/// The wire types of the footer fields Parquet.Net 6.1.0 reads, from parquet.thrift (FileMetaData down to the column
/// statistics), in Thrift's compact type codes. Parquet.Net's generated reader picks what to read by field id and
/// trusts it, so a corrupt byte that turns an i64 into a list makes it read bytes as the wrong things, and it was seen
/// to spin for minutes (the manifest fuzz test). <see cref="ParquetFooterCheck"/> refuses such a footer first: a field
/// listed here must carry its own type. Fields not listed (newer additions, encryption) are walked, not checked.
/// </summary>
internal static class ParquetFooterSchema
{
    public const int Bool = 1;
    public const int I16 = 4;
    public const int I32 = 5;
    public const int I64 = 6;
    public const int Binary = 8;
    public const int List = 9;
    public const int Struct = 12;

    /// <summary>The root struct's name.</summary>
    public const string FileMetaData = nameof(FileMetaData);

    /// <summary>(struct, field id) -> wire type, list element type (lists only) and struct name (structs and lists of structs).</summary>
    private static readonly Dictionary<(string Struct, int Field), (int Type, int Element, string? Child)> Fields = new()
    {
        [(FileMetaData, 1)] = (I32, 0, null),
        [(FileMetaData, 2)] = (List, Struct, "SchemaElement"),
        [(FileMetaData, 3)] = (I64, 0, null),
        [(FileMetaData, 4)] = (List, Struct, "RowGroup"),
        [(FileMetaData, 5)] = (List, Struct, "KeyValue"),
        [(FileMetaData, 6)] = (Binary, 0, null),
        [(FileMetaData, 7)] = (List, Struct, null),
        [("SchemaElement", 1)] = (I32, 0, null),
        [("SchemaElement", 2)] = (I32, 0, null),
        [("SchemaElement", 3)] = (I32, 0, null),
        [("SchemaElement", 4)] = (Binary, 0, null),
        [("SchemaElement", 5)] = (I32, 0, null),
        [("SchemaElement", 6)] = (I32, 0, null),
        [("SchemaElement", 7)] = (I32, 0, null),
        [("SchemaElement", 8)] = (I32, 0, null),
        [("SchemaElement", 9)] = (I32, 0, null),
        [("SchemaElement", 10)] = (Struct, 0, null),
        [("RowGroup", 1)] = (List, Struct, "ColumnChunk"),
        [("RowGroup", 2)] = (I64, 0, null),
        [("RowGroup", 3)] = (I64, 0, null),
        [("RowGroup", 4)] = (List, Struct, "SortingColumn"),
        [("RowGroup", 5)] = (I64, 0, null),
        [("RowGroup", 6)] = (I64, 0, null),
        [("RowGroup", 7)] = (I16, 0, null),
        [("ColumnChunk", 1)] = (Binary, 0, null),
        [("ColumnChunk", 2)] = (I64, 0, null),
        [("ColumnChunk", 3)] = (Struct, 0, "ColumnMetaData"),
        [("ColumnChunk", 4)] = (I64, 0, null),
        [("ColumnChunk", 5)] = (I32, 0, null),
        [("ColumnChunk", 6)] = (I64, 0, null),
        [("ColumnChunk", 7)] = (I32, 0, null),
        [("ColumnMetaData", 1)] = (I32, 0, null),
        [("ColumnMetaData", 2)] = (List, I32, null),
        [("ColumnMetaData", 3)] = (List, Binary, null),
        [("ColumnMetaData", 4)] = (I32, 0, null),
        [("ColumnMetaData", 5)] = (I64, 0, null),
        [("ColumnMetaData", 6)] = (I64, 0, null),
        [("ColumnMetaData", 7)] = (I64, 0, null),
        [("ColumnMetaData", 8)] = (List, Struct, "KeyValue"),
        [("ColumnMetaData", 9)] = (I64, 0, null),
        [("ColumnMetaData", 10)] = (I64, 0, null),
        [("ColumnMetaData", 11)] = (I64, 0, null),
        [("ColumnMetaData", 12)] = (Struct, 0, "Statistics"),
        [("ColumnMetaData", 13)] = (List, Struct, "PageEncodingStats"),
        [("ColumnMetaData", 14)] = (I64, 0, null),
        [("ColumnMetaData", 15)] = (I32, 0, null),
        [("KeyValue", 1)] = (Binary, 0, null),
        [("KeyValue", 2)] = (Binary, 0, null),
        [("Statistics", 1)] = (Binary, 0, null),
        [("Statistics", 2)] = (Binary, 0, null),
        [("Statistics", 3)] = (I64, 0, null),
        [("Statistics", 4)] = (I64, 0, null),
        [("Statistics", 5)] = (Binary, 0, null),
        [("Statistics", 6)] = (Binary, 0, null),
        [("Statistics", 7)] = (Bool, 0, null),
        [("Statistics", 8)] = (Bool, 0, null),
        [("PageEncodingStats", 1)] = (I32, 0, null),
        [("PageEncodingStats", 2)] = (I32, 0, null),
        [("PageEncodingStats", 3)] = (I32, 0, null),
        [("SortingColumn", 1)] = (I32, 0, null),
        [("SortingColumn", 2)] = (Bool, 0, null),
        [("SortingColumn", 3)] = (Bool, 0, null),
    };

    /// <summary>The expected field, or null for a struct or field not listed (walked without a check).</summary>
    public static (int Type, int Element, string? Child)? Field(string? structName, int field) =>
        structName is not null && Fields.TryGetValue((structName, field), out var spec) ? spec : null;

    /// <summary>Whether a wire type is the expected one (the compact protocol writes a bool field's value as its type: 1 or 2).</summary>
    public static bool Matches(int expected, int wire) => expected == Bool ? wire is 1 or 2 : wire == expected;
}
