namespace Genre.Audio;

/// <summary>One decoding dependency, whether this machine has it, and the Debian package that installs it.</summary>
public sealed record DecoderStatus(string Name, bool Available, string Package);
