using Genre.Data.Download;
using Shouldly;

namespace Genre.Core.Tests.Download;

public class DiskSpaceTests
{
    [Theory]
    [InlineData(28, "write failed", true)]                      // ENOSPC as .NET reports it on Linux
    [InlineData(unchecked((int)0x80070070), "disk full", true)] // ERROR_DISK_FULL on Windows
    [InlineData(5, "No space left on device", true)]
    [InlineData(13, "Permission denied", false)]
    public void Recognises_a_full_disk(int hresult, string message, bool full) =>
        DiskSpace.IsFull(new IOException(message, hresult)).ShouldBe(full);

    [Fact]
    public void The_message_names_the_folder_and_the_bytes_needed()
    {
        var error = DiskSpace.Full("data/gtzan", 1_234_567_890, 999);

        error.Message.ShouldBe("data/gtzan: cannot write: no space left on the disk: 1.2 GB (1,234,567,890 bytes) more are needed and 999 bytes are free; " +
            "free some space (or choose another folder with --dest) and run the command again");
        error.Path.ShouldBe("data/gtzan");
    }

    [Fact]
    public void A_check_that_asks_for_more_than_any_disk_holds_fails_up_front() =>
        Should.Throw<OutputException>(() => DiskSpace.EnsureAvailable(Path.GetTempPath(), long.MaxValue)).Message.ShouldContain("no space left");
}
