import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URL;
import javax.servlet.http.HttpServletRequest;
import org.springframework.web.client.RestTemplate;

class Proxy {
    private static final String API = "https://api.example.com/items/";
    private final RestTemplate restTemplate = new RestTemplate();

    InputStream fetch(HttpServletRequest request) throws IOException {
        String target = request.getParameter("url");
        // vigil-expect: ssrf
        return new URL(target).openStream();
    }

    Object item(HttpServletRequest request) {
        String id = request.getParameter("id");
        // vigil-ok: ssrf
        Object fixed = restTemplate.getForObject(API + "1", Object.class);
        // vigil-expect: ssrf
        return restTemplate.getForObject("http://" + request.getHeader("Host") + "/items/" + id, Object.class);
    }

    InputStream fromSocket(Socket socket) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), "UTF-8"));
        String line = reader.readLine();
        // vigil-expect: ssrf
        return new URL(line).openStream();
    }

    InputStream constant() throws IOException {
        String target = "https://status.example.com/";
        // vigil-ok: ssrf
        return new URL(target).openStream();
    }

    InputStream encoded(HttpServletRequest request) throws IOException {
        String q = java.net.URLEncoder.encode(request.getParameter("q"), "UTF-8");
        // vigil-ok: ssrf
        return new URL(API + q).openStream();
    }
}
