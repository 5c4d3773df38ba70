namespace Genre.Kinds;

/// <summary>
/// A track's chosen windows as the network reads them: <see cref="IGenreModel.InputSize"/> floats per window,
/// row-major (the first <see cref="Count"/> windows of <see cref="Inputs"/>, which is longer when it came from a pool),
/// and which windows were digital silence. What the batch pipeline carries from its decoding workers to
/// the network call it shares between files.
/// </summary>
internal sealed record WindowInputs(float[] Inputs, bool[] Silent)
{
    public int Count => Silent.Length;
}
