// Vigil fixture: string literals used as signing and encryption keys. Every value is fake.
class Keys {
    void keys(byte[] material, String secret) {
        // vigil-expect: hardcoded-secret
        SecretKeySpec k = new SecretKeySpec("aes-vigil-fixture".getBytes(), "AES");
        // vigil-ok: hardcoded-secret
        SecretKeySpec k2 = new SecretKeySpec(material, "AES");
        // vigil-expect: hardcoded-secret
        String t = Jwts.builder().setSubject("u").signWith(SignatureAlgorithm.HS256, "jjwt-vigil-fixture").compact();
        // vigil-ok: hardcoded-secret
        String t2 = Jwts.builder().setSubject("u").signWith(SignatureAlgorithm.HS256, secret).compact();
        // vigil-expect: hardcoded-secret
        Key hk = Keys.hmacShaKeyFor("hmacsha-vigil-fixture-0123456789abcdef".getBytes());
        // vigil-ok: hardcoded-secret
        Key hk2 = Keys.hmacShaKeyFor(material);
        // vigil-expect: hardcoded-secret
        String a = JWT.create().withIssuer("vigil").sign(Algorithm.HMAC256("auth0-vigil-fixture"));
        // vigil-ok: hardcoded-secret
        String a2 = JWT.create().withIssuer("vigil").sign(Algorithm.HMAC256(secret));
        // vigil-expect: hardcoded-secret
        Credentials c = new UsernamePasswordCredentials("admin", "basic-vigil-fixture");
        // vigil-ok: hardcoded-secret
        Credentials c2 = new UsernamePasswordCredentials("admin", secret);
    }
}
