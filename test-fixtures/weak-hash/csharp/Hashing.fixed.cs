using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace Example.Hashing
{
    public class Digests
    {
        private readonly SHA256 _legacy;

        public Digests()
        {
            // the field's declared type changes with the fix, so the class still compiles
            // vigil-expect: weak-hash
            _legacy = SHA256.Create();
        }

        public byte[] Md5Of(byte[] data)
        {
            // vigil-expect: weak-hash
            using (SHA256 md5 = SHA256.Create())
            {
                return md5.ComputeHash(data);
            }
        }

        public byte[] Sha1Of(byte[] data)
        {
            // vigil-expect: weak-hash
            using var sha = SHA256.Create();
            return sha.ComputeHash(data);
        }

        public byte[] OneShot(byte[] data)
        {
            // vigil-expect: weak-hash
            return SHA256.HashData(data);
        }

        public byte[] Qualified(byte[] data)
        {
            // vigil-expect: weak-hash
            return System.Security.Cryptography.SHA256.HashData(data);
        }

        public byte[] Provider(byte[] data)
        {
            // vigil-expect: weak-hash
            var md5 = SHA256.Create();
            return md5.ComputeHash(data);
        }

        public byte[] SHA1Provider(Stream s)
        {
            // vigil-expect: weak-hash
            using (SHA256 p = SHA256.Create())
            {
                return p.ComputeHash(s);
            }
        }

        public byte[] ByName(byte[] data)
        {
            // vigil-expect: weak-hash
            using var h = HashAlgorithm.Create("SHA256");
            return h!.ComputeHash(data);
        }

        public byte[] Incremental(byte[] data)
        {
            // vigil-expect: weak-hash
            using var inc = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            inc.AppendData(data);
            return inc.GetHashAndReset();
        }

        public string StorePassword(string password)
        {
            // vigil-expect: weak-hash
            var bytes = MD5.HashData(Encoding.UTF8.GetBytes(password));
            return Convert.ToHexString(bytes);
        }

        public string StorePasswordStreaming(string userPassword)
        {
            // vigil-expect: weak-hash
            using var sha1 = SHA1.Create();
            return Convert.ToBase64String(sha1.ComputeHash(Encoding.UTF8.GetBytes(userPassword)));
        }

        public byte[] Strong(byte[] data)
        {
            // vigil-ok: weak-hash
            using var sha = SHA256.Create();
            return sha.ComputeHash(data);
        }

        public byte[] StrongOneShot(byte[] data)
        {
            // vigil-ok: weak-hash
            return SHA512.HashData(data);
        }

        public byte[] Mac(byte[] key, byte[] data)
        {
            // HMAC-SHA1 is fine as a MAC
            // vigil-ok: weak-hash
            using var hmac = new HMACSHA1(key);
            return hmac.ComputeHash(data);
        }

        public byte[] MacMd5(byte[] key, byte[] data)
        {
            // vigil-ok: weak-hash
            return HMACMD5.HashData(key, data);
        }

        public byte[] IncrementalMac(byte[] key, byte[] data)
        {
            // vigil-ok: weak-hash
            using var inc = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, key);
            inc.AppendData(data);
            return inc.GetHashAndReset();
        }

        public byte[] Derive(string password, byte[] salt)
        {
            // PBKDF2 with SHA-1 is a key derivation, not a bare digest
            // vigil-ok: weak-hash
            return Rfc2898DeriveBytes.Pbkdf2(password, salt, 600000, HashAlgorithmName.SHA1, 32);
        }

        public byte[] Sha384(byte[] data)
        {
            // vigil-ok: weak-hash
            using var sha = SHA384.Create();
            return sha.ComputeHash(data);
        }

        public byte[] StrongByName(byte[] data)
        {
            // vigil-ok: weak-hash
            using var h = HashAlgorithm.Create("SHA512");
            return h!.ComputeHash(data);
        }

        public void Log(string md5Checksum)
        {
            // vigil-ok: weak-hash
            Console.WriteLine("MD5.Create() was replaced; checksum " + md5Checksum);
        }

        public string Md5Label(string md5)
        {
            // vigil-ok: weak-hash
            return "md5:" + md5;
        }

        public string CallsLocal()
        {
            // vigil-ok: weak-hash
            return Md5Label("x");
        }
    }
}
