using System.Data.SqlClient;
using System.Linq;
using Dapper;
using Microsoft.EntityFrameworkCore;

public class UserRepository
{
    private const string Table = "users";
    private readonly SqlConnection conn;
    private readonly AppDbContext db;

    public SqlDataReader FindByName(string name)
    {
        // vigil-expect: sql-injection
        var cmd = new SqlCommand("SELECT id, email FROM users WHERE name = '" + name + "'", conn);
        return cmd.ExecuteReader();
    }

    public SqlDataReader FindByNameSafe(string name)
    {
        // vigil-ok: sql-injection
        var cmd = new SqlCommand("SELECT id, email FROM users WHERE name = @name", conn);
        cmd.Parameters.AddWithValue("@name", name);
        return cmd.ExecuteReader();
    }

    public int Rename(SqlCommand cmd, string newName, string email)
    {
        // vigil-expect: sql-injection
        cmd.CommandText = $"UPDATE users SET name = '{newName}' WHERE email = '{email}'";
        return cmd.ExecuteNonQuery();
    }

    public IQueryable<User> ByCity(string city)
    {
        // vigil-expect: sql-injection
        return db.Users.FromSqlRaw("SELECT * FROM users WHERE city = '" + city + "'");
    }

    public IQueryable<User> ByCitySafe(string city)
    {
        // vigil-ok: sql-injection
        return db.Users.FromSqlInterpolated($"SELECT * FROM users WHERE city = {city}");
    }

    public int Purge(string status)
    {
        var sql = string.Format("DELETE FROM orders WHERE status = '{0}'", status);
        // vigil-expect: sql-injection
        return db.Database.ExecuteSqlRaw(sql);
    }

    public User ByEmail(string email)
    {
        // vigil-expect: sql-injection
        return conn.QueryFirstOrDefault<User>("SELECT * FROM users WHERE email = '" + email + "'");
    }

    public User ByEmailSafe(string email)
    {
        // vigil-ok: sql-injection
        return conn.QueryFirstOrDefault<User>("SELECT * FROM users WHERE email = @email", new { email });
    }

    public SqlDataReader ById(int id)
    {
        // vigil-ok: sql-injection
        var cmd = new SqlCommand("SELECT * FROM users WHERE id = " + id, conn);
        return cmd.ExecuteReader();
    }

    public SqlDataReader All()
    {
        // vigil-ok: sql-injection
        var cmd = new SqlCommand("SELECT * FROM " + Table, conn);
        return cmd.ExecuteReader();
    }

    public void Lookalikes(System.Collections.Generic.List<User> list, string name, ILogger log)
    {
        // vigil-ok: sql-injection
        var hits = list.Where(u => u.Name == name).ToList();
        // vigil-ok: sql-injection
        log.Execute("SELECT step for " + name);
    }

    public SqlDataReader Sorted(string sortColumn)
    {
        // vigil-expect: sql-injection
        var cmd = new SqlCommand("SELECT * FROM users ORDER BY " + sortColumn, conn);
        return cmd.ExecuteReader();
    }
}
