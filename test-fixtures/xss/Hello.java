import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;

class HelloServlet {
    void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // vigil-expect: xss
        response.getWriter().println("<p>Hello " + request.getParameter("name") + "</p>");
        PrintWriter out = response.getWriter();
        // vigil-expect: xss
        out.print(request.getHeader("Referer"));
        // vigil-ok: xss
        response.getWriter().println("<p>Hello " + Encode.forHtml(request.getParameter("name")) + "</p>");
        // vigil-ok: xss
        System.out.println(request.getParameter("name"));
        // vigil-ok: xss
        out.print("<p>static</p>");
    }
}
