using Genre.Core.Tests.TestSupport;
using Genre.Features;
using Genre.Inference;
using Genre.Kinds.AudioSet;
using Shouldly;

namespace Genre.Core.Tests.Features;

/// <summary>Native resources: disposing twice is harmless, using after dispose is a clear error, shared state cannot be disposed.</summary>
public sealed class NativeHandleTests
{
    private static readonly float[] s_signal = [.. Enumerable.Range(0, 66150).Select(i => MathF.Sin(i * 0.05f))];

    [Fact]
    public void An_extractor_disposed_twice_then_used_says_so()
    {
        var extractor = new MfccExtractor();
        extractor.Compute(s_signal).Length.ShouldBeGreaterThan(0);

        extractor.Dispose();
        extractor.Dispose();

        Should.Throw<ObjectDisposedException>(() => extractor.Compute(s_signal));
    }

    [Fact]
    public void The_shared_extractors_cannot_be_disposed_from_outside()
    {
        var before = MfccExtractor.Shared.Compute(s_signal);

        MfccExtractor.Shared.Dispose();
        AudioSetFrontEnd.Shared.Dispose();

        MfccExtractor.Shared.Compute(s_signal).ShouldBe(before);
        AudioSetFrontEnd.Shared.Compute(new float[AudioSetFrontEnd.WindowSamples]).Length.ShouldBe(AudioSetFrontEnd.InputLength);
    }

    [Fact]
    public void A_front_end_disposed_twice_then_used_says_so()
    {
        var frontEnd = new AudioSetFrontEnd();
        frontEnd.Dispose();
        frontEnd.Dispose();

        Should.Throw<ObjectDisposedException>(() => frontEnd.Compute(new float[AudioSetFrontEnd.WindowSamples]));
    }

    [Theory]
    [InlineData("default")]
    [InlineData("gtzan-cnn")]
    public void A_classifier_disposed_twice_then_used_says_so(string model)
    {
        var classifier = GenreClassifier.Load(Path.Combine(TestPaths.RepositoryRoot, "models", model));
        var signal = Genre.Audio.AudioSignal.FromSamples(new float[classifier.SampleRate * 3], classifier.SampleRate);
        classifier.Predict(signal).IsSilent.ShouldBeTrue();

        classifier.Dispose();
        classifier.Dispose();

        Should.Throw<ObjectDisposedException>(() => classifier.Predict(signal));
    }
}
