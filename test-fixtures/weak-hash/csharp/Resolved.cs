using System.Text;
using Legacy = System.Security.Cryptography.MD5;

namespace Example.Store
{
    public class Resolved
    {
        private const string DigestName = "SHA1";
        private const string StrongName = "SHA256";

        public byte[] Qualified(byte[] data)
        {
            // vigil-expect: weak-hash
            return System.Security.Cryptography.MD5.HashData(data);
        }

        public byte[] Aliased(byte[] data)
        {
            // vigil-expect: weak-hash
            using var digest = Legacy.Create();
            return digest.ComputeHash(data);
        }

        public object ByName()
        {
            // vigil-expect: weak-hash
            return System.Security.Cryptography.HashAlgorithm.Create(DigestName);
        }

        public object Strong()
        {
            // vigil-ok: weak-hash
            return System.Security.Cryptography.HashAlgorithm.Create(StrongName);
        }

        public object Unrelated(byte[] data)
        {
            // vigil-ok: weak-hash
            return Example.Checksums.MD5.Create();
        }
    }
}
