package com.example.auth;

import java.util.Random;
import java.security.SecureRandom;

public class Salt {
    public byte[] salt() {
        Random rnd = new SecureRandom();
        byte[] salt = new byte[16];
        // vigil-expect: insecure-random
        rnd.nextBytes(salt);
        byte[] noise = new byte[16];
        // vigil-ok: insecure-random
        rnd.nextBytes(noise);
        return salt;
    }
}
