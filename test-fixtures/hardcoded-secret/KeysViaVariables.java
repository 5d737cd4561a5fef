package com.example.auth;

import com.auth0.jwt.algorithms.Algorithm;
import java.sql.DriverManager;
import javax.crypto.spec.SecretKeySpec;

// Literals that reach a key or password parameter through a variable, a constant or a conversion.
public class KeysViaVariables {
    private static final String K = "q9Zr4Lp0vTx2";

    Algorithm signer() {
        String k = "wJ8mQ2xR7tY4";
        // vigil-expect: hardcoded-secret
        return Algorithm.HMAC256(k);
    }

    SecretKeySpec spec() throws Exception {
        // vigil-expect: hardcoded-secret
        return new SecretKeySpec(K.getBytes("UTF-8"), "AES");
    }

    SecretKeySpec fromInput(String typed) throws Exception {
        String k = typed.trim();
        // vigil-ok: hardcoded-secret
        return new SecretKeySpec(k.getBytes("UTF-8"), "AES");
    }

    Object connect(String url) throws Exception {
        String p;
        p = "Zx81-pQ7w";
        // vigil-expect: hardcoded-secret
        return DriverManager.getConnection(url, "app", p);
    }

    Object maybeLegacy(String url, boolean legacy) throws Exception {
        String p = null;
        if (legacy) {
            p = "Lg4-Wq9zR";
        }
        // vigil-expect: hardcoded-secret
        return DriverManager.getConnection(url, "app", p);
    }

    private SecretKeySpec keyOf(String k) throws Exception {
        // vigil-expect: hardcoded-secret
        return new SecretKeySpec(k.getBytes("UTF-8"), "AES");
    }

    SecretKeySpec viaPrivateHelper() throws Exception {
        return keyOf("Pq7-zXw2Lm");
    }

    private SecretKeySpec userKeyOf(String k) throws Exception {
        // vigil-ok: hardcoded-secret
        return new SecretKeySpec(k.getBytes("UTF-8"), "AES");
    }

    SecretKeySpec viaInput(String typed) throws Exception {
        return userKeyOf(typed);
    }

    Object connectConfigured(String url) throws Exception {
        String p = System.getenv("DB_PASSWORD");
        // vigil-ok: hardcoded-secret
        return DriverManager.getConnection(url, "app", p);
    }
}
