package com.example.store;

import java.security.MessageDigest;
import java.util.Properties;

// The algorithm reaches MessageDigest through constants, variables, conversions and config defaults.
public class Resolved {
    private static final String LEGACY_DIGEST = "MD5";
    private static final String MODERN_DIGEST = "SHA-256";
    private final Properties config = new Properties();

    byte[] qualified(byte[] data) throws Exception {
        // vigil-expect: weak-hash
        return java.security.MessageDigest.getInstance("SHA-1").digest(data);
    }

    byte[] constant(byte[] data) throws Exception {
        // vigil-expect: weak-hash
        MessageDigest md = MessageDigest.getInstance(LEGACY_DIGEST);
        return md.digest(data);
    }

    byte[] configured(byte[] data) throws Exception {
        String name = config.getProperty("store.digest", "md5").trim().toUpperCase();
        // vigil-expect: weak-hash
        return MessageDigest.getInstance(name).digest(data);
    }

    byte[] reassigned(byte[] data) throws Exception {
        String name = "MD5";
        name = MODERN_DIGEST;
        // vigil-ok: weak-hash
        return MessageDigest.getInstance(name).digest(data);
    }

    byte[] built(byte[] data) throws Exception {
        String name = String.format("%s-%d", "SHA", 1);
        // vigil-expect: weak-hash
        return MessageDigest.getInstance(name).digest(data);
    }

    byte[] strong(byte[] data) throws Exception {
        // vigil-ok: weak-hash
        return MessageDigest.getInstance(MODERN_DIGEST).digest(data);
    }

    byte[] dead(byte[] data) throws Exception {
        if (false) {
            // vigil-ok: weak-hash
            return MessageDigest.getInstance("MD5").digest(data);
        }
        // vigil-ok: weak-hash
        return MessageDigest.getInstance("SHA-512").digest(data);
    }

    String apache(byte[] data) {
        // vigil-expect: weak-hash
        return org.apache.commons.codec.digest.DigestUtils.md5Hex(data);
    }

    String local(byte[] data) {
        // vigil-ok: weak-hash
        return com.example.store.DigestUtils.md5Hex(data);
    }
}
