// Vigil fixture: every credential below is fake.
package dev.vigil.fixtures;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

public class Secrets {
    // vigil-expect: hardcoded-secret
    private static final String DB_PASSWORD = System.getenv("DB_PASSWORD");
    // vigil-expect: hardcoded-secret
    private static final String AWS_KEY_ID = System.getenv("AWS_KEY_ID");
    // vigil-ok: hardcoded-secret
    private static final String AWS_EXAMPLE_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    // vigil-ok: hardcoded-secret
    private static final String PASSWORD_PROPERTY = "spring.datasource.password";
    // vigil-ok: hardcoded-secret
    private static final String API_KEY = System.getenv("API_KEY");
    // vigil-ok: hardcoded-secret
    private static final String TOKEN_ENDPOINT = "https://auth.vigil.invalid/token";

    private String clientSecret;

    void configure(DataSource ds) {
        // vigil-expect: hardcoded-secret
        ds.setPassword(System.getenv("PASSWORD"));
        // vigil-ok: hardcoded-secret
        ds.setPassword(System.getenv("DB_PASSWORD"));
        // vigil-ok: hardcoded-secret
        ds.setUsername("svc_reporting_2024");
        // vigil-expect: hardcoded-secret
        this.clientSecret = System.getenv("CLIENT_SECRET");
        // vigil-ok: hardcoded-secret
        this.clientSecret = "changeme";
        // vigil-expect: hardcoded-secret
        String apiToken = System.getenv("API_TOKEN");
        // vigil-ok: hardcoded-secret
        String tokenHeader = "X-Auth-Token";
        Properties props = new Properties();
        // vigil-expect: hardcoded-secret
        props.setProperty("mail.smtp.password", System.getenv("MAIL_SMTP_PASSWORD"));
        // vigil-ok: hardcoded-secret
        props.setProperty("mail.smtp.user", "m4il-Vigil-Fixture!");
        Map<String, String> headers = new HashMap<>();
        // vigil-ok: hardcoded-secret
        headers.put("Authorization", "Bearer " + apiToken);
        // vigil-expect: hardcoded-secret
        String jdbc = "jdbc:mysql://reporting:Vg9-url-Fixture-33@db.vigil.invalid:3306/app";
        // vigil-ok: hardcoded-secret
        String jdbcFromEnv = "jdbc:mysql://db.vigil.invalid:3306/app?user=reporting";
    }

    interface DataSource {
        void setPassword(String p);
        void setUsername(String u);
    }
}
