import java.security.MessageDigest;

public class TokenTest {
    public void legacyDigest() throws Exception {
        // vigil-demoted: weak-hash
        MessageDigest md = MessageDigest.getInstance("MD5");
        // vigil-ok: weak-hash
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        md.update("password".getBytes());
        sha.update("password".getBytes());
    }
}
