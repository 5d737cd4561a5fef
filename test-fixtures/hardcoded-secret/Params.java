// Vigil fixture: secrets in map literals. Every value is fake.
import java.util.Map;

class Params {
    // vigil-expect: hardcoded-secret
    Map<String, String> db = Map.of("user", "reporting", "password", "Vg9-mapOf-Fixture-Java1");
    // vigil-ok: hardcoded-secret
    Map<String, String> names = Map.of("user", "reporting", "password", "");
    // vigil-expect: hardcoded-secret
    Map.Entry<String, String> e = Map.entry("apiKey", "Vg9mapEntryFixtureJava2Zq");
    // vigil-ok: hardcoded-secret
    Map.Entry<String, String> f = Map.entry("apiKeyHeader", "X-Api-Key");
}
