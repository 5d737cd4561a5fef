package example.hashing;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;
import org.apache.commons.codec.digest.MessageDigestAlgorithms;

public class Digests {
    byte[] md5Of(byte[] data) throws NoSuchAlgorithmException {
        // vigil-expect: weak-hash
        MessageDigest md = MessageDigest.getInstance("MD5");
        return md.digest(data);
    }

    byte[] sha1Of(byte[] data) throws NoSuchAlgorithmException {
        // vigil-expect: weak-hash
        return java.security.MessageDigest.getInstance("SHA-1").digest(data);
    }

    byte[] shaOf(byte[] data) throws NoSuchAlgorithmException {
        // vigil-expect: weak-hash
        return MessageDigest.getInstance("SHA1").digest(data);
    }

    byte[] md2Of(byte[] data) throws NoSuchAlgorithmException {
        // vigil-expect: weak-hash
        return MessageDigest.getInstance("MD2").digest(data);
    }

    byte[] byConstant(byte[] data) throws NoSuchAlgorithmException {
        // vigil-expect: weak-hash
        return MessageDigest.getInstance(MessageDigestAlgorithms.MD5).digest(data);
    }

    String apacheHex(String data) {
        // vigil-expect: weak-hash
        return DigestUtils.md5Hex(data);
    }

    String apacheSha1(byte[] data) {
        // vigil-expect: weak-hash
        return DigestUtils.sha1Hex(data);
    }

    byte[] apacheShaBytes(byte[] data) {
        // vigil-expect: weak-hash
        return DigestUtils.getMd5Digest().digest(data);
    }

    String springHex(byte[] data) {
        // Spring's DigestUtils has no SHA-256 method: flagged without a fix
        // vigil-expect: weak-hash
        return org.springframework.util.DigestUtils.md5DigestAsHex(data);
    }

    String guava(String data) {
        // vigil-expect: weak-hash
        HashFunction f = Hashing.md5();
        return f.hashString(data, StandardCharsets.UTF_8).toString();
    }

    String guavaSha1(String data) {
        // vigil-expect: weak-hash
        return Hashing.sha1().hashString(data, StandardCharsets.UTF_8).toString();
    }

    String storePassword(String password) throws NoSuchAlgorithmException {
        // vigil-expect: weak-hash
        MessageDigest md = MessageDigest.getInstance("SHA-1");
        md.update(password.getBytes(StandardCharsets.UTF_8));
        return new String(md.digest(), StandardCharsets.UTF_8);
    }

    String apachePassword(String userPassword) {
        // vigil-expect: weak-hash
        return DigestUtils.md5Hex(userPassword);
    }

    byte[] strong(byte[] data) throws NoSuchAlgorithmException {
        // vigil-ok: weak-hash
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    byte[] strongConstant(byte[] data) throws NoSuchAlgorithmException {
        // vigil-ok: weak-hash
        return MessageDigest.getInstance(MessageDigestAlgorithms.SHA_256).digest(data);
    }

    byte[] fromConfig(String algorithm, byte[] data) throws NoSuchAlgorithmException {
        // vigil-ok: weak-hash
        return MessageDigest.getInstance(algorithm).digest(data);
    }

    String apacheStrong(String data) {
        // vigil-ok: weak-hash
        return DigestUtils.sha256Hex(data);
    }

    String guavaStrong(String data) {
        // vigil-ok: weak-hash
        return Hashing.sha256().hashString(data, StandardCharsets.UTF_8).toString();
    }

    byte[] hmacMd5(byte[] key, byte[] data) throws Exception {
        // vigil-ok: weak-hash
        Mac mac = Mac.getInstance("HmacMD5");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacMD5"));
        return mac.doFinal(data);
    }

    String apacheHmac(byte[] key, String data) {
        // vigil-ok: weak-hash
        return new HmacUtils(HmacAlgorithms.HMAC_SHA_1, key).hmacHex(data);
    }

    String guavaHmac(byte[] key, String data) {
        // vigil-ok: weak-hash
        return Hashing.hmacMd5(key).hashString(data, StandardCharsets.UTF_8).toString();
    }

    byte[] sha3(byte[] data) throws NoSuchAlgorithmException {
        // vigil-ok: weak-hash
        return MessageDigest.getInstance("SHA3-256").digest(data);
    }

    String apacheSha512(String data) {
        // vigil-ok: weak-hash
        return DigestUtils.sha512Hex(data);
    }

    long guavaNonCrypto(String data) {
        // vigil-ok: weak-hash
        return Hashing.murmur3_128().hashString(data, StandardCharsets.UTF_8).asLong();
    }

    String describe(String md5Checksum) {
        // a name and a string that mention MD5
        // vigil-ok: weak-hash
        return "MD5 of upload: " + md5Checksum;
    }

    String md5(String data) {
        // a local method named md5
        // vigil-ok: weak-hash
        return data.trim();
    }

    String callsLocal(String data) {
        // vigil-ok: weak-hash
        return md5(data);
    }
}
