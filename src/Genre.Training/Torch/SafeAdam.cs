using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Genre.Training.Torch;

/// <summary>
/// torch.optim.Adam without weight decay or AMSGrad, step for step the arithmetic of TorchSharp's
/// <c>optim.Adam</c> (so a seed gives the weights it gave), written here only because that one passes its
/// coefficients as implicit scalars a GC can free mid-call (<see cref="HeldScalars"/>): here every scalar is held by a
/// <c>using</c> declaration until the calls that read it have returned.
/// </summary>
internal sealed class SafeAdam : IDisposable
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private readonly Parameter[] _parameters;
    private readonly Tensor[] _firstMoments;
    private readonly Tensor[] _secondMoments;
    private readonly double _learningRate;
    private long _step;

    /// <summary>An optimiser for <paramref name="parameters"/> with step size <paramref name="learningRate"/>.</summary>
    public SafeAdam(IEnumerable<Parameter> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(learningRate);
        _parameters = [.. parameters];
        _firstMoments = [.. _parameters.Select(p => zeros_like(p))];
        _secondMoments = [.. _parameters.Select(p => zeros_like(p))];
        _learningRate = learningRate;
    }

    /// <summary>Zeroes every parameter's gradient, as optim.Optimizer.zero_grad does.</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in _parameters)
        {
            using var grad = parameter.grad;
            if (grad is not null)
            {
                grad.requires_grad_(false);
                grad.zero_();
            }
        }
    }

    /// <summary>One update of every parameter that has a gradient.</summary>
    public void Step()
    {
        _step++;
        var correction1 = 1 - Math.Pow(Beta1, _step);
        var correction2 = 1 - Math.Pow(Beta2, _step);
        using var noGrad = no_grad();
        using var beta1 = Beta1.ToScalar();
        using var beta2 = Beta2.ToScalar();
        using var rest1 = (1 - Beta1).ToScalar();
        using var rest2 = (1 - Beta2).ToScalar();
        using var root2 = Math.Sqrt(correction2).ToScalar();
        using var epsilon = Epsilon.ToScalar();
        using var stepSize = (-(_learningRate / correction1)).ToScalar();
        for (var i = 0; i < _parameters.Length; i++)
        {
            using var grad = _parameters[i].grad;
            if (grad is null)
            {
                continue;
            }

            _firstMoments[i].mul_(beta1).add_(grad, rest1);
            using var conjugate = grad.conj();
            _secondMoments[i].mul_(beta2).addcmul_(grad, conjugate, rest2);
            using var root = _secondMoments[i].sqrt();
            using var denominator = root.div(root2).add_(epsilon, HeldScalars.One);
            _parameters[i].addcdiv_(_firstMoments[i], denominator, stepSize);
        }
    }

    public void Dispose()
    {
        foreach (var moment in _firstMoments.Concat(_secondMoments))
        {
            moment.Dispose();
        }
    }
}
