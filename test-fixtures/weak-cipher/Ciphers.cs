using System.Security.Cryptography;
using System.Text;

public static class Ciphers
{
    private static readonly byte[] Key = new byte[32];

    public static SymmetricAlgorithm Legacy()
    {
        // vigil-expect: weak-cipher
        var des = DES.Create();
        // vigil-expect: weak-cipher
        var tdes = new TripleDESCryptoServiceProvider();
        // vigil-expect: weak-cipher
        var rc2 = RC2.Create();
        return tdes;
    }

    public static byte[] Ecb(byte[] data)
    {
        using var aes = Aes.Create();
        // vigil-expect: weak-cipher
        aes.Mode = CipherMode.ECB;
        // vigil-expect: weak-cipher
        return aes.EncryptEcb(data, PaddingMode.PKCS7);
    }

    public static ICryptoTransform StaticIv()
    {
        using var aes = Aes.Create();
        // vigil-expect: weak-cipher
        aes.IV = Encoding.UTF8.GetBytes("1234567890abcdef");
        // vigil-expect: weak-cipher
        return aes.CreateEncryptor(Key, new byte[16]);
    }

    public static byte[] Good(byte[] data, byte[] key)
    {
        using var aes = Aes.Create();
        // vigil-ok: weak-cipher
        aes.Mode = CipherMode.CBC;
        // vigil-ok: weak-cipher
        aes.GenerateIV();
        // vigil-ok: weak-cipher
        var enc = aes.CreateEncryptor(key, aes.IV);
        var nonce = new byte[12];
        RandomNumberGenerator.Fill(nonce);
        // vigil-ok: weak-cipher
        using var gcm = new AesGcm(key, 16);
        // vigil-ok: weak-cipher
        var label = "DES";
        // vigil-ok: weak-cipher
        aes.IV = nonce;
        return enc.TransformFinalBlock(data, 0, data.Length);
    }
}
