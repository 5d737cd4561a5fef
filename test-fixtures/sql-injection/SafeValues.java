import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

class SafeValues {
    private static final Set<String> SORTS = Set.of("name", "price");

    ResultSet page(Connection c, int page, String size) throws SQLException {
        Statement st = c.createStatement();
        // vigil-ok: sql-injection
        return st.executeQuery("SELECT * FROM items LIMIT 20 OFFSET " + (page * 20) + " FETCH " + Integer.parseInt(size));
    }

    ResultSet sorted(Connection c, String sort) throws SQLException {
        if (!SORTS.contains(sort)) {
            throw new IllegalArgumentException(sort);
        }
        Statement st = c.createStatement();
        // vigil-ok: sql-injection
        return st.executeQuery("SELECT * FROM items ORDER BY " + sort);
    }

    ResultSet unchecked(Connection c, String sort) throws SQLException {
        Statement st = c.createStatement();
        // vigil-expect: sql-injection
        return st.executeQuery("SELECT * FROM items ORDER BY " + sort);
    }
}
