package com.example.auth;

import java.security.SecureRandom;

// Weak random values reach secret names through conversions and variables; fixed seeds repeat SecureRandom.
public class Resolved {
    private static final long FIXED_SEED = 1234L;
    private static final byte[] SEED_BYTES = {1, 2, 3, 4};

    String rememberMe() {
        // vigil-expect: insecure-random
        float rand = new java.util.Random().nextFloat();
        String rememberMeKey = Float.toString(rand).substring(2);
        return rememberMeKey;
    }

    String qualified() {
        // vigil-expect: insecure-random
        String token = Integer.toString(new java.util.Random().nextInt());
        return token;
    }

    String built() {
        StringBuilder sb = new StringBuilder();
        java.util.Random r = new java.util.Random();
        for (int i = 0; i < 8; i++) {
            // vigil-expect: insecure-random
            sb.append(r.nextInt(10));
        }
        String passcode = sb.toString();
        return passcode;
    }

    int dice() {
        // vigil-ok: insecure-random
        int roll = new java.util.Random().nextInt(6) + 1;
        return roll;
    }

    void seeded() {
        SecureRandom a = new SecureRandom();
        // vigil-expect: insecure-random
        a.setSeed(FIXED_SEED);
        // vigil-expect: insecure-random
        SecureRandom b = new SecureRandom(SEED_BYTES);
        SecureRandom c = new SecureRandom();
        // vigil-ok: insecure-random
        c.setSeed(c.generateSeed(16));
        // vigil-ok: insecure-random
        SecureRandom d = new SecureRandom();
        use(a, b, c, d);
    }

    String label() {
        // vigil-ok: insecure-random
        String colourName = "c" + new java.util.Random().nextInt(8);
        // vigil-ok: insecure-random
        SecureRandom e = new SecureRandom(new SecureRandom().generateSeed(16));
        use(e);
        return colourName;
    }

    void use(Object... xs) {}
}
