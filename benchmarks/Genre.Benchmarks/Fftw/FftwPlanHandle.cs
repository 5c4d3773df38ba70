using Microsoft.Win32.SafeHandles;

namespace Genre.Benchmarks.Fftw;

/// <summary>
/// An FFTW plan, returned straight from <c>fftwf_plan_dft_r2c_1d</c> as dotnet/runtime returns its handles: the
/// marshaller keeps it alive during every call, a call after <see cref="System.Runtime.InteropServices.SafeHandle.Dispose()"/> is an
/// <see cref="ObjectDisposedException"/>, and it is destroyed exactly once (under FFTW's planner lock).
/// </summary>
internal sealed class FftwPlanHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public FftwPlanHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        lock (Fftw.PlannerLock)
        {
            Fftw.DestroyPlan(handle);
        }

        return true;
    }
}
