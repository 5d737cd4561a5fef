using System.Security.Cryptography;
using System.Text;

namespace Example.Tests
{
    public class TokenTests
    {
        public void LegacyDigest()
        {
            // vigil-demoted: weak-hash
            using var md5 = MD5.Create();
            // vigil-ok: weak-hash
            using var sha = SHA256.Create();
            md5.ComputeHash(Encoding.UTF8.GetBytes("password"));
            sha.ComputeHash(Encoding.UTF8.GetBytes("password"));
        }
    }
}
