using System;
using Legacy = System.Security.Cryptography.TripleDES;
using Crypto = System.Security.Cryptography;

namespace Example.Vault
{
    public class Resolved
    {
        public byte[] Qualified(byte[] data)
        {
            // vigil-expect: weak-cipher
            using var des = System.Security.Cryptography.DES.Create();
            // vigil-expect: weak-cipher
            return des.EncryptCbc(data, new byte[8]);
        }

        public object Aliased()
        {
            // vigil-expect: weak-cipher
            return Legacy.Create();
        }

        public object NamespaceAlias()
        {
            // vigil-expect: weak-cipher
            return new Crypto.RC2CryptoServiceProvider();
        }

        public void QualifiedMode(System.Security.Cryptography.Aes aes)
        {
            // vigil-expect: weak-cipher
            aes.Mode = System.Security.Cryptography.CipherMode.ECB;
            // vigil-ok: weak-cipher
            aes.Mode = System.Security.Cryptography.CipherMode.CBC;
        }

        public object Modern()
        {
            // vigil-ok: weak-cipher
            return System.Security.Cryptography.Aes.Create();
        }

        public object Unrelated()
        {
            // vigil-ok: weak-cipher
            return Example.Games.DES.Create();
        }
    }
}
