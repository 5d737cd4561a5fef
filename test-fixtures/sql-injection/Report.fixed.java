import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.PreparedStatement;
import java.sql.Statement;

class Report {
    int total(Connection conn, String region) throws Exception {
        PreparedStatement stmt = conn.prepareStatement("SELECT SUM(amount) FROM sales WHERE region = ?");
        // vigil-expect: sql-injection
        stmt.setString(1, region);
        ResultSet rs = stmt.executeQuery();
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
