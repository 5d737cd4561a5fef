import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

// A writer over a file or a log stream writes text, not a page: markup there runs no script.
class Report {
    private final PrintStream out = System.err;
    private PrintWriter printWriter;

    Report(String file) throws IOException {
        printWriter = new PrintWriter(new FileWriter(file));
    }

    void log(HttpServletRequest request) {
        // vigil-ok: xss
        out.println("request for " + request.getParameter("name"));
    }

    void page(HttpServletRequest request) {
        // vigil-ok: xss
        printWriter.println("<p>" + request.getParameter("name") + "</p>");
    }

    void respond(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PrintWriter writer = response.getWriter();
        // vigil-expect: xss
        writer.println("<p>" + request.getParameter("name") + "</p>");
    }
}
