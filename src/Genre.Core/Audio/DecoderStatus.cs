namespace Genre.Audio;

/// <summary>One decoding dependency, whether this machine has it, and the Debian package that installs it.</summary>
/// <param name="Name">The dependency: <c>libsndfile</c>, <c>libsoxr</c> or <c>ffmpeg</c>.</param>
/// <param name="Available">Whether the library loads (or the program is on the PATH).</param>
/// <param name="Package">The Debian package that installs it.</param>
public sealed record DecoderStatus(string Name, bool Available, string Package);
