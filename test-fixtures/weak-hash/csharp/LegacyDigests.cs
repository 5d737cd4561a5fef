using System.Security.Cryptography;
using System.Text;
using Xunit;

namespace Example
{
    // An xUnit class by its using directive and [Fact], whatever its name.
    public class LegacyDigests
    {
        [Fact]
        public void Sha1Length()
        {
            // vigil-demoted: weak-hash
            using var sha1 = SHA1.Create();
            // vigil-ok: weak-hash
            Assert.Equal(20, sha1.ComputeHash(Encoding.UTF8.GetBytes("x")).Length);
        }
    }
}
