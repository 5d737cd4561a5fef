package com.example.auth;

import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

public class Tokens {
    private final Random jitter = new Random(42);

    public String newResetToken() {
        Random rnd = new Random();
        // vigil-expect: insecure-random
        return Long.toHexString(rnd.nextLong());
    }

    public void issue(User user) {
        // vigil-expect: insecure-random
        int otp = 100000 + new Random().nextInt(900000);
        // vigil-expect: insecure-random
        user.setSessionId(String.valueOf(ThreadLocalRandom.current().nextLong()));
        // vigil-ok: insecure-random
        int backoffMs = ThreadLocalRandom.current().nextInt(100, 500);
        // vigil-ok: insecure-random
        double sample = Math.random();
        user.setOtp(otp);
        user.setBackoff(backoffMs, sample);
    }

    public int pickShard(int shards) {
        // vigil-ok: insecure-random
        return jitter.nextInt(shards);
    }
}
