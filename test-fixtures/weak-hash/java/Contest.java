import java.security.MessageDigest;

// "Contest" ends in "test" with a lower-case t: no JUnit class name.
public class Contest {
    public byte[] entryToken(String password) throws Exception {
        // vigil-expect: weak-hash
        MessageDigest md = MessageDigest.getInstance("MD5");
        // vigil-ok: weak-hash
        return md.digest(password.getBytes());
    }
}
