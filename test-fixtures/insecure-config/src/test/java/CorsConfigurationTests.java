import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.springframework.web.cors.CorsConfiguration;

class CorsConfigurationTests {
    @Test
    void wildcardOriginWithCredentialsIsRejected() {
        CorsConfiguration config = new CorsConfiguration();
        config.addAllowedOrigin("*");
        // vigil-ok: insecure-config
        config.setAllowCredentials(true);
        assertThatIllegalArgumentException().isThrownBy(config::validateAllowCredentials);
    }

    @Test
    void wildcardWithCredentialsThrows() {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(java.util.List.of("*"));
        // vigil-ok: insecure-config
        assertThrows(IllegalArgumentException.class, () -> config.setAllowCredentials(true).validateAllowCredentials());
    }

    @Test
    void permissiveDemo() {
        CorsConfiguration config = new CorsConfiguration();
        config.addAllowedOrigin("*");
        // vigil-demoted: insecure-config
        config.setAllowCredentials(true);
    }
}
