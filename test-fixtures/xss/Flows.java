import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;

class Flows {
    private static final boolean PREVIEW = false;

    void greet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        // vigil-expect: xss
        response.getWriter().println("<p>Hello " + name + "</p>");
        name = "visitor";
        // vigil-ok: xss
        response.getWriter().println("<p>Hello " + name + "</p>");
    }

    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        // vigil-expect: xss
        response.sendError(404, "<p>No item " + id + "</p>");
        // vigil-ok: xss
        response.sendError(404, "<p>No item " + Encode.forHtml(id) + "</p>");
    }

    private void show(HttpServletResponse response, String text) throws IOException {
        // vigil-expect: xss
        response.getWriter().print(text);
    }

    void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> items = new ArrayList<>();
        items.add(request.getHeader("X-Item"));
        show(response, "<li>" + items.get(0) + "</li>");
        show(response, "<li>fixed</li>");
        String preview = "<p>none</p>";
        if (PREVIEW) {
            preview = request.getParameter("html");
        }
        // vigil-ok: xss
        response.getWriter().print(preview);
    }
}
