import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.cors.CorsConfiguration;

// A wildcard origin in one method says nothing about the credentials another method allows.
class WebConfig {
    void publicAssets(CorsRegistry registry) {
        // vigil-ok: insecure-config
        registry.addMapping("/assets/**").allowedOrigins("*");
    }

    void api(CorsRegistry registry) {
        // vigil-ok: insecure-config
        registry.addMapping("/api/**").allowedOrigins("https://app.example.com").allowCredentials(true);
    }

    CorsConfiguration permissive() {
        CorsConfiguration config = new CorsConfiguration();
        config.addAllowedOriginPattern("*");
        // vigil-expect: insecure-config
        config.setAllowCredentials(true);
        return config;
    }
}
