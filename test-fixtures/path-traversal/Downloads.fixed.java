import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;

class Downloads {
    private static final boolean LEGACY = false;
    private static final String ROOT = "/srv/files/";

    void direct(HttpServletRequest request) throws IOException {
        String name = request.getParameter("name");
        // vigil-expect: path-traversal
        File f = new File(ROOT + new File(name).getName());
        // vigil-ok: path-traversal
        FileInputStream in = new FileInputStream(f);
    }

    void decoded(HttpServletRequest request) throws IOException {
        String name = java.net.URLDecoder.decode(request.getHeader("X-File"), "UTF-8");
        // vigil-expect: path-traversal
        Files.readAllBytes(Paths.get(ROOT, name.trim()));
    }

    void overwritten(HttpServletRequest request) {
        String name = request.getParameter("name");
        name = "report.pdf";
        // vigil-ok: path-traversal
        new File(ROOT + name);
    }

    void collections(HttpServletRequest request) {
        Map<String, String> m = new HashMap<>();
        m.put("user", request.getParameter("name"));
        m.put("fixed", "index.html");
        // vigil-ok: path-traversal
        new File(ROOT + m.get("fixed"));
        // vigil-expect: path-traversal
        new File(ROOT + new File(m.get("user")).getName());
        List<String> parts = new ArrayList<>();
        parts.add(request.getParameter("dir"));
        StringBuilder sb = new StringBuilder(ROOT);
        for (String p : parts) {
            sb.append(p).append('/');
        }
        // vigil-expect: path-traversal
        new File(sb.toString());
    }

    private String fromCookie(HttpServletRequest request) {
        javax.servlet.http.Cookie[] cookies = request.getCookies();
        return cookies[0].getValue();
    }

    private void open(String path) {
        // vigil-expect: path-traversal
        new File(ROOT, path);
    }

    void helpers(HttpServletRequest request) {
        String name = fromCookie(request);
        open(name);
        open(new File(name).getName());
    }

    void sanitised(HttpServletRequest request) {
        String name = new File(request.getParameter("name")).getName();
        // vigil-ok: path-traversal
        new File(ROOT, name);
    }

    void deadBranch(HttpServletRequest request) {
        String name = "default.txt";
        if (LEGACY) {
            name = request.getParameter("name");
        }
        // vigil-ok: path-traversal
        new File(ROOT + name);
    }

    void fromEnvironment() {
        // The environment and system properties are set by whoever runs the program: no traversal.
        String home = System.getenv("APP_HOME");
        // vigil-ok: path-traversal
        new File(home + "/config.xml");
        // vigil-ok: path-traversal
        new File(System.getProperty("user.home"), ".app/settings");
    }

    void fromEnvironmentAndRequest(HttpServletRequest request) {
        String home = System.getenv("APP_HOME");
        // vigil-expect: path-traversal
        new File(home + "/" + request.getParameter("name"));
    }

    public void library(String userPath) {
        // A path parameter of a helper nothing here calls is how file code is written, not evidence of input.
        // vigil-ok: path-traversal
        new File(ROOT + userPath);
    }

    void constants() {
        // vigil-ok: path-traversal
        new File(ROOT + "index.html");
    }
}
