package shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import javax.persistence.EntityManager;
import org.springframework.jdbc.core.JdbcTemplate;

public class UserDao {
    private static final String TABLE = "users";
    private Connection conn;
    private EntityManager em;
    private JdbcTemplate jdbcTemplate;

    public ResultSet findByName(String name) throws Exception {
        PreparedStatement st = conn.prepareStatement("SELECT id, email FROM users WHERE name = ?");
        // vigil-expect: sql-injection
        st.setString(1, name);
        ResultSet rs = st.executeQuery();
        return rs;
    }

    public ResultSet findByNameSafe(String name) throws Exception {
        PreparedStatement ps = conn.prepareStatement("SELECT id, email FROM users WHERE name = ?");
        ps.setString(1, name);
        // vigil-ok: sql-injection
        return ps.executeQuery();
    }

    public void rename(String newName, String email) throws Exception {
        // vigil-expect: sql-injection
        PreparedStatement ps = conn.prepareStatement("UPDATE users SET name = ? WHERE email = ?");
        ps.setString(1, newName);
        ps.setString(2, email);
        ps.executeUpdate();
    }

    public void deleteBatch(Statement batch, String ref) throws Exception {
        // vigil-expect: sql-injection
        batch.addBatch("DELETE FROM orders WHERE ref = '" + ref + "'");
    }

    public int countBy(String status) throws Exception {
        String sql = "SELECT COUNT(*) FROM orders WHERE status = '" + status + "'";
        Statement st = conn.createStatement();
        // vigil-expect: sql-injection
        ResultSet rs = st.executeQuery(sql);
        return rs.getInt(1);
    }

    public List<?> jpql(String name) {
        // vigil-expect: sql-injection
        return em.createQuery("SELECT u FROM User u WHERE u.name = ?1").setParameter(1, name).getResultList();
    }

    public List<?> nativeQuery(String city) {
        // vigil-expect: sql-injection
        return em.createNativeQuery("SELECT * FROM shops WHERE city = ?1").setParameter(1, city).getResultList();
    }

    public List<?> jpqlSafe(String name) {
        // vigil-ok: sql-injection
        return em.createQuery("SELECT u FROM User u WHERE u.name = :name").setParameter("name", name).getResultList();
    }

    public List<?> spring(String email) {
        // vigil-expect: sql-injection
        return jdbcTemplate.queryForList("SELECT id FROM users WHERE email = ?", email);
    }

    public List<?> springSafe(String email) {
        // vigil-ok: sql-injection
        return jdbcTemplate.queryForList("SELECT id FROM users WHERE email = ?", email);
    }

    public ResultSet byId(int id) throws Exception {
        Statement st = conn.createStatement();
        // vigil-ok: sql-injection
        return st.executeQuery("SELECT * FROM users WHERE id = " + id);
    }

    public ResultSet constants() throws Exception {
        Statement st = conn.createStatement();
        // vigil-ok: sql-injection
        return st.executeQuery("SELECT * FROM " + TABLE + " WHERE active = 1");
    }

    public void lookalikes(java.util.concurrent.ExecutorService pool, Runnable task, String name) {
        // vigil-ok: sql-injection
        pool.execute(task);
        // vigil-ok: sql-injection
        System.out.println("SELECT is not run: " + name);
    }

    public ResultSet sorted(String sortColumn) throws Exception {
        Statement st = conn.createStatement();
        // vigil-expect: sql-injection
        return st.executeQuery("SELECT * FROM users ORDER BY " + sortColumn);
    }
}
