import java.util.Map;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

class HandlerServlet {
    private static final Set<String> ALLOWED = Set.of("com.example.CsvHandler", "com.example.PdfHandler");

    Object load(HttpServletRequest request) throws Exception {
        // vigil-expect: unsafe-reflection
        Class<?> c = Class.forName(request.getParameter("handler"));
        String name = "com.example." + request.getParameter("kind");
        // vigil-expect: unsafe-reflection
        Class<?> d = getClass().getClassLoader().loadClass(name);
        return c != null ? c : d;
    }

    @GetMapping("/run")
    Object run(@RequestParam String handler) throws Exception {
        // vigil-expect: unsafe-reflection
        return Class.forName(handler).getDeclaredConstructor().newInstance();
    }

    Object loadSafe(HttpServletRequest request, String configured) throws Exception {
        String name = request.getParameter("handler");
        if (!ALLOWED.contains(name)) {
            throw new IllegalArgumentException(name);
        }
        // vigil-ok: unsafe-reflection
        Class<?> c = Class.forName(name);
        // vigil-ok: unsafe-reflection
        Class<?> d = Class.forName("com.example.Default");
        // vigil-ok: unsafe-reflection
        Class<?> e = Class.forName(configured);
        return c != null ? c : d != null ? d : e;
    }
}
