import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;

class AccountController {
    // vigil-expect: insecure-config
    @CrossOrigin(origins = "*", allowCredentials = "true")
    @GetMapping("/account")
    String account() { return "ok"; }

    // vigil-ok: insecure-config
    @CrossOrigin(origins = "https://app.example.com", allowCredentials = "true")
    @GetMapping("/profile")
    String profile() { return "ok"; }

    // vigil-ok: insecure-config
    @CrossOrigin(origins = "*")
    @GetMapping("/public")
    String open() { return "ok"; }

    void login(HttpServletResponse response, String id) {
        Cookie cookie = new Cookie("session", id);
        // vigil-expect: insecure-config
        cookie.setSecure(true);
        // vigil-expect: insecure-config
        cookie.setHttpOnly(true);
        // vigil-ok: insecure-config
        cookie.setPath("/");
        response.addCookie(cookie);
    }

    Object verify(String token) {
        // vigil-expect: insecure-config
        return JWT.require(Algorithm.none()).build().verify(token);
    }

    Object verifySafe(String token, java.security.interfaces.RSAPublicKey key) {
        // vigil-ok: insecure-config
        return JWT.require(Algorithm.RSA256(key, null)).build().verify(token);
    }
}
