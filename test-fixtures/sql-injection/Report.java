import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

class Report {
    int total(Connection conn, String region) throws Exception {
        Statement stmt = conn.createStatement();
        // vigil-expect: sql-injection
        ResultSet rs = stmt.executeQuery("SELECT SUM(amount) FROM sales WHERE region = '" + region + "'");
        rs.next();
        return rs.getInt(1);
    }

    int totalSafe(Connection conn, String region) throws Exception {
        // vigil-ok: sql-injection
        var ps = conn.prepareStatement("SELECT SUM(amount) FROM sales WHERE region = ?");
        ps.setString(1, region);
        ResultSet rs = ps.executeQuery();
        rs.next();
        return rs.getInt(1);
    }
}
