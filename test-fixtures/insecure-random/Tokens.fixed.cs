using System;
using System.Text;
using System.Security.Cryptography;

public class Tokens
{
    private static readonly Random Jitter = new Random();

    public string ResetCode()
    {
        var rnd = new Random();
        // vigil-expect: insecure-random
        var resetCode = RandomNumberGenerator.GetInt32(100000, 1000000).ToString();
        // vigil-ok: insecure-random
        var delayMs = rnd.Next(50, 250);
        return resetCode + delayMs;
    }

    // vigil-expect: insecure-random
    public string ApiKey => Random.Shared.NextInt64().ToString("x");

    public void Issue(User user)
    {
        // vigil-expect: insecure-random
        user.SessionToken = RandomNumberGenerator.GetInt32(int.MaxValue).ToString();
        // vigil-ok: insecure-random
        user.AvatarHue = new Random().Next(360);
    }

    public byte[] Salt()
    {
        var rng = new Random();
        var salt = new byte[16];
        // vigil-expect: insecure-random
        rng.NextBytes(salt);
        var pixels = new byte[16];
        // vigil-ok: insecure-random
        rng.NextBytes(pixels);
        return salt;
    }

    public int Shard(int n)
    {
        // vigil-ok: insecure-random
        return Random.Shared.Next(n);
    }
}
