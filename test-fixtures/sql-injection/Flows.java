import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;

class Flows {
    private static final boolean AUDIT = false;

    ResultSet constantKey(HttpServletRequest request, Statement stmt) throws SQLException {
        String param = java.net.URLDecoder.decode(request.getHeader("X-Name"), java.nio.charset.StandardCharsets.UTF_8);
        Map<String, String> m = new HashMap<>();
        m.put("a", param);
        m.put("b", "literal");
        String q = "SELECT * FROM users WHERE name = '" + m.get("b") + "'";
        // vigil-ok: sql-injection
        stmt.executeQuery(q);
        String q2 = "SELECT * FROM users WHERE name = '" + m.get("a") + "'";
        // vigil-expect: sql-injection
        return stmt.executeQuery(q2);
    }

    ResultSet overwritten(HttpServletRequest request, Statement stmt) throws SQLException {
        String name = request.getParameter("name");
        name = "admin";
        // vigil-ok: sql-injection
        return stmt.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
    }

    private String lookupName(HttpServletRequest request) {
        return request.getCookies()[0].getValue();
    }

    private ResultSet byName(Statement stmt, String name) throws SQLException {
        // vigil-expect: sql-injection
        return stmt.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
    }

    void helpers(HttpServletRequest request, Statement stmt) throws SQLException {
        byName(stmt, lookupName(request));
        byName(stmt, "guest");
    }

    ResultSet numeric(HttpServletRequest request, Statement stmt) throws SQLException {
        int id = Integer.parseInt(request.getParameter("id"));
        // vigil-ok: sql-injection
        return stmt.executeQuery("SELECT * FROM users WHERE id = " + id);
    }

    ResultSet dead(HttpServletRequest request, Statement stmt) throws SQLException {
        String name = "guest";
        if (AUDIT) {
            name = request.getParameter("name");
        }
        // vigil-ok: sql-injection
        return stmt.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
    }
}
