using Genre.Data.Numpy;

namespace Genre.Core.Tests.TestSupport;

/// <summary>Golden arrays and the tolerances stated in ../shared/reference/README.md.</summary>
internal static class Golden
{
    /// <summary>Loaded samples (wav, flac, float and 24-bit wav, ogg, mp3): max |diff|.</summary>
    public const float LoadTolerance = 1e-5f;

    /// <summary>m4a goes through ffmpeg on both sides: max |diff|.</summary>
    public const float LoadToleranceAac = 1e-4f;

    /// <summary>MFCC: |ours - ref| &lt;= absolute + relative * |ref|.</summary>
    public const float MfccAbsolute = 1e-3f;

    public const float MfccRelative = 1e-4f;

    public const float MelBasisTolerance = 1e-6f;

    /// <summary>AudioSet network (EfficientAT mn04) logits from the reference mel input: max |diff|, as its README states.</summary>
    public const float AudioSetLogitsTolerance = 1e-3f;

    /// <summary>Its 384-d embedding (the global average of features.16): max |diff|.</summary>
    public const float AudioSetEmbeddingTolerance = 1e-3f;

    /// <summary>Every block output features.N: max |diff| relative to the block's largest |value|.</summary>
    public const float AudioSetBlockRelativeTolerance = 1e-5f;

    /// <summary>AudioSet network input, (ln(mel + 1e-5) + 4.5) / 5: max |diff| where the mel power is at least <see cref="AudioSetNearFloorPower"/>.</summary>
    public const float AudioSetMelTolerance = 1e-4f;

    /// <summary>
    /// Max |diff| where the reference mel power is below <see cref="AudioSetNearFloorPower"/>, ten times the 1e-5 floor:
    /// there float32 FFT rounding, relative to the frame's loudest bin, is a sizeable part of the power itself.
    /// </summary>
    public const float AudioSetMelNearFloorTolerance = 1e-3f;

    public const float AudioSetNearFloorPower = 1e-4f;

    /// <summary>The network input value of <see cref="AudioSetNearFloorPower"/>: reference values below it are near the floor.</summary>
    public static float AudioSetNearFloorInput { get; } = (MathF.Log(AudioSetNearFloorPower + 1e-5f) + 4.5f) / 5f;

    public static NpyArray Load(string path)
    {
        using var file = File.OpenRead(path);
        return NpyFormat.Read(file);
    }

    /// <summary>A float32 golden array, after checking it has the <paramref name="shape"/> the test expects.</summary>
    public static float[] LoadFloat32(string path, params int[] shape)
    {
        var array = Load(path);
        if (!array.Shape.SequenceEqual(shape))
        {
            throw new Xunit.Sdk.XunitException($"{Path.GetFileName(path)}: shape ({string.Join(", ", array.Shape)}), expected ({string.Join(", ", shape)})");
        }

        return array.ToFloat32();
    }

    /// <summary>Largest |a - b|, with the index where it happens, for messages that help.</summary>
    public static (float Max, int Index) MaxAbsDiff(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected)
    {
        if (actual.Length != expected.Length)
        {
            throw new Xunit.Sdk.XunitException($"length {actual.Length} != expected {expected.Length}");
        }

        var max = 0f;
        var at = -1;
        for (var i = 0; i < actual.Length; i++)
        {
            var d = MathF.Abs(actual[i] - expected[i]);
            if (d > max || float.IsNaN(d))
            {
                max = d;
                at = i;
            }
        }

        return (max, at);
    }

    /// <summary>Asserts the MFCC tolerance for every coefficient.</summary>
    public static void AssertMfcc(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected, string what)
    {
        if (actual.Length != expected.Length)
        {
            throw new Xunit.Sdk.XunitException($"{what}: {actual.Length} values, expected {expected.Length}");
        }

        for (var i = 0; i < actual.Length; i++)
        {
            var limit = MfccAbsolute + (MfccRelative * MathF.Abs(expected[i]));
            var diff = MathF.Abs(actual[i] - expected[i]);
            if (!(diff <= limit))
            {
                throw new Xunit.Sdk.XunitException(
                    $"{what}: value {i} (frame {i / 13}, coefficient {i % 13}) is {actual[i]}, expected {expected[i]} (diff {diff} > {limit})");
            }
        }
    }

    /// <summary>
    /// Asserts the AudioSet input tolerances (<see cref="AudioSetMelTolerance"/>, and <see cref="AudioSetMelNearFloorTolerance"/>
    /// near the floor) and returns the max |diff| of each region, for the record.
    /// </summary>
    public static (float Max, float MaxNearFloor) AssertAudioSetMel(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected, int frames, string what)
    {
        if (actual.Length != expected.Length)
        {
            throw new Xunit.Sdk.XunitException($"{what}: {actual.Length} values, expected {expected.Length}");
        }

        var max = 0f;
        var maxNearFloor = 0f;
        for (var i = 0; i < actual.Length; i++)
        {
            var nearFloor = expected[i] < AudioSetNearFloorInput;
            var limit = nearFloor ? AudioSetMelNearFloorTolerance : AudioSetMelTolerance;
            var diff = MathF.Abs(actual[i] - expected[i]);
            if (!(diff <= limit))
            {
                throw new Xunit.Sdk.XunitException(
                    $"{what}: band {i / frames}, frame {i % frames} is {actual[i]}, expected {expected[i]} (diff {diff} > {limit}{(nearFloor ? ", near the floor" : "")})");
            }

            if (nearFloor)
            {
                maxNearFloor = Math.Max(maxNearFloor, diff);
            }
            else
            {
                max = Math.Max(max, diff);
            }
        }

        return (max, maxNearFloor);
    }

    public static void AssertClose(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected, float tolerance, string what)
    {
        var (max, at) = MaxAbsDiff(actual, expected);
        if (!(max <= tolerance))
        {
            throw new Xunit.Sdk.XunitException($"{what}: max |diff| {max} at index {at} (ours {actual[at]}, ref {expected[at]}) > {tolerance}");
        }
    }
}
