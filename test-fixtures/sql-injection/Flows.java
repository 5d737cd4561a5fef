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

    // A value written into an object stream lands in the bytes the stream wraps; reading them back gives it again.
    ResultSet serialised(HttpServletRequest request, Statement stmt) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes);
        out.writeObject(request.getParameter("name"));
        return load(bytes.toByteArray(), stmt);
    }

    ResultSet serialisedConstant(Statement stmt) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes);
        out.writeObject("guest");
        return loadOwn(bytes.toByteArray(), stmt);
    }

    private ResultSet load(byte[] serialised, Statement stmt) throws Exception {
        java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(serialised));
        String name = (String) in.readObject();
        // vigil-expect: sql-injection
        return stmt.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
    }

    private ResultSet loadOwn(byte[] serialised, Statement stmt) throws Exception {
        java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(serialised));
        String name = (String) in.readObject();
        // vigil-ok: sql-injection
        return stmt.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
    }
}
