using System;
using System.Security.Cryptography;
using System.Text;

public class StaticIv
{
    private static readonly byte[] FixedIv = Encoding.ASCII.GetBytes("abcdefghijklmnop");

    public ICryptoTransform ThroughVariables(byte[] key)
    {
        using var aes = Aes.Create();
        var zero = new byte[aes.BlockSize / 8];
        // vigil-expect: weak-cipher
        aes.IV = zero;
        // vigil-expect: weak-cipher
        aes.IV = FixedIv;
        var decoded = Convert.FromBase64String("AAECAwQFBgcICQoLDA0ODw==");
        // vigil-expect: weak-cipher
        aes.IV = decoded;
        // vigil-expect: weak-cipher
        return aes.CreateDecryptor(key, FixedIv);
    }

    public byte[] Aead(byte[] key, byte[] data)
    {
        using var gcm = new AesGcm(key, 16);
        var nonce = new byte[12];
        var tag = new byte[16];
        var output = new byte[data.Length];
        // vigil-expect: weak-cipher
        gcm.Encrypt(nonce, data, output, tag);
        return output;
    }

    public ICryptoTransform Fresh(byte[] key, byte[] data, byte[] iv)
    {
        using var aes = Aes.Create();
        var random = new byte[aes.BlockSize / 8];
        RandomNumberGenerator.Fill(random);
        // vigil-ok: weak-cipher
        aes.IV = random;
        // vigil-ok: weak-cipher
        aes.IV = iv;
        // vigil-ok: weak-cipher
        aes.IV = RandomNumberGenerator.GetBytes(16);
        using var gcm = new AesGcm(key, 16);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var tag = new byte[16];
        var output = new byte[data.Length];
        // vigil-ok: weak-cipher
        gcm.Encrypt(nonce, data, output, tag);
        // vigil-ok: weak-cipher
        return aes.CreateEncryptor(key, aes.IV);
    }
}
