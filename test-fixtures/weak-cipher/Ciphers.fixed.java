package com.example.crypto;

import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

public class Ciphers {
    private static final byte[] IV = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    Cipher defaults() throws Exception {
        // vigil-expect: weak-cipher
        return Cipher.getInstance("AES/GCM/NoPadding");
    }

    Cipher ecb() throws Exception {
        // vigil-expect: weak-cipher
        return Cipher.getInstance("AES/GCM/NoPadding");
    }

    Cipher legacy() throws Exception {
        // vigil-expect: weak-cipher
        Cipher a = Cipher.getInstance("DESede/CBC/PKCS5Padding");
        // vigil-expect: weak-cipher
        Cipher b = Cipher.getInstance("Blowfish");
        return a;
    }

    Object ivs() {
        // vigil-expect: weak-cipher
        IvParameterSpec zero = new IvParameterSpec(new byte[16]);
        // vigil-expect: weak-cipher
        IvParameterSpec constant = new IvParameterSpec(IV);
        // vigil-expect: weak-cipher
        GCMParameterSpec text = new GCMParameterSpec(128, "nonce-123456".getBytes());
        return new Object[] {zero, constant, text};
    }

    Object good(SecureRandom rng) throws Exception {
        // vigil-ok: weak-cipher
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        // vigil-ok: weak-cipher
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        byte[] iv = new byte[12];
        rng.nextBytes(iv);
        // vigil-ok: weak-cipher
        GCMParameterSpec spec = new GCMParameterSpec(128, iv);
        // vigil-ok: weak-cipher
        IvParameterSpec cbc = new IvParameterSpec(iv, 0, 12);
        // vigil-ok: weak-cipher
        String name = "DES";
        // vigil-ok: weak-cipher
        Cipher chacha = Cipher.getInstance("ChaCha20-Poly1305");
        // vigil-ok: weak-cipher
        Cipher cbcMode = Cipher.getInstance("AES/CBC/PKCS5Padding");
        return new Object[] {gcm, rsa, spec, cbc, name, chacha, cbcMode};
    }
}
