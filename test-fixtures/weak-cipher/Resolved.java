package com.example.vault;

import java.security.SecureRandom;
import java.util.Properties;
import javax.crypto.spec.IvParameterSpec;

// The algorithm reaches Cipher.getInstance through names and values, not as a literal at the call.
public class Resolved {
    private static final String LEGACY = "DESede/CBC/PKCS5Padding";
    private static final byte[] FIXED_IV = {7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7};
    private static final boolean DEBUG = false;
    private final Properties props = new Properties();

    byte[] qualified(byte[] data) throws Exception {
        // vigil-expect: weak-cipher
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("DES/CBC/PKCS5Padding");
        return c.doFinal(data);
    }

    byte[] fromConfig(byte[] data) throws Exception {
        String alg = props.getProperty("vault.cipher", "Blowfish/ECB/PKCS5Padding");
        // vigil-expect: weak-cipher
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(alg);
        return c.doFinal(data);
    }

    byte[] fromConstant(byte[] data) throws Exception {
        // vigil-expect: weak-cipher
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(LEGACY);
        return c.doFinal(data);
    }

    byte[] built(byte[] data, boolean strong) throws Exception {
        String family = "RC";
        String alg = family + "4";
        alg = "AES/GCM/NoPadding";
        // vigil-ok: weak-cipher
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(alg);
        String chosen = strong ? "AES/GCM/NoPadding" : "DES";
        // vigil-expect: weak-cipher
        javax.crypto.Cipher d = javax.crypto.Cipher.getInstance(chosen);
        return c.doFinal(d.doFinal(data));
    }

    byte[] dead(byte[] data) throws Exception {
        if (DEBUG) {
            // vigil-ok: weak-cipher
            return javax.crypto.Cipher.getInstance("DES").doFinal(data);
        }
        // vigil-ok: weak-cipher
        return javax.crypto.Cipher.getInstance("AES/GCM/NoPadding").doFinal(data);
    }

    IvParameterSpec staticIv() {
        // vigil-expect: weak-cipher
        return new IvParameterSpec(FIXED_IV);
    }

    IvParameterSpec zeroIv() {
        byte[] iv = new byte[16];
        // vigil-expect: weak-cipher
        return new IvParameterSpec(iv);
    }

    IvParameterSpec randomIv() {
        byte[] iv = new byte[16];
        new SecureRandom().nextBytes(iv);
        // vigil-ok: weak-cipher
        return new IvParameterSpec(iv);
    }

    byte[] modernFromConfig(byte[] data) throws Exception {
        String alg = props.getProperty("vault.cipher", "AES/GCM/NoPadding");
        // vigil-ok: weak-cipher
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(alg);
        return c.doFinal(data);
    }

    byte[] lookalike(byte[] data) throws Exception {
        // vigil-ok: weak-cipher
        return com.example.legacy.Cipher.getInstance("DES").doFinal(data);
    }

    IvParameterSpec sometimesRandom(boolean fresh) {
        byte[] iv = new byte[16];
        new SecureRandom().nextBytes(iv);
        if (fresh) {
            new SecureRandom().nextBytes(iv);
        }
        // vigil-ok: weak-cipher
        return new IvParameterSpec(iv);
    }

    IvParameterSpec passedIn(byte[] iv) {
        // vigil-ok: weak-cipher
        return new IvParameterSpec(iv);
    }
}
