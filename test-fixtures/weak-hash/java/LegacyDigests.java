import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

// A JUnit class by its imports, whatever its name.
class LegacyDigests {
    @Test
    void sha1Length() throws Exception {
        // vigil-demoted: weak-hash
        MessageDigest md = MessageDigest.getInstance("SHA-1");
        // vigil-ok: weak-hash
        assertEquals(20, md.getDigestLength());
    }
}
