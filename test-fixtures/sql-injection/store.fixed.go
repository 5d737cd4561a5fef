package store

import (
	"context"
	"database/sql"
	"fmt"

	_ "github.com/lib/pq"
)

const maxRows = 100

type Store struct{ db *sql.DB }

func (s *Store) FindUser(name string) (*sql.Rows, error) {
	// vigil-expect: sql-injection
	return s.db.Query("SELECT id, email FROM users WHERE name = $1", name)
}

func (s *Store) FindUserSafe(name string) (*sql.Rows, error) {
	// vigil-ok: sql-injection
	return s.db.Query("SELECT id, email FROM users WHERE name = $1", name)
}

func (s *Store) ByEmail(ctx context.Context, email string) *sql.Row {
	q := "SELECT id FROM users WHERE email = $1"
	// vigil-expect: sql-injection
	return s.db.QueryRowContext(ctx, q, email)
}

func (s *Store) Delete(ref string) error {
	// vigil-expect: sql-injection
	_, err := s.db.Exec(fmt.Sprintf("DELETE FROM orders WHERE ref = %q", ref))
	return err
}

func (s *Store) ByID(id int) (*sql.Rows, error) {
	// vigil-ok: sql-injection
	return s.db.Query(fmt.Sprintf("SELECT * FROM users WHERE id = %d", id))
}

func (s *Store) Limited(page int) (*sql.Rows, error) {
	// vigil-ok: sql-injection
	return s.db.Query("SELECT * FROM users LIMIT " + fmt.Sprint(maxRows))
}

func (s *Store) Sorted(column string) (*sql.Rows, error) {
	// vigil-expect: sql-injection
	return s.db.Query("SELECT * FROM users ORDER BY " + column)
}

func lookalikes(w fmt.Stringer, r map[string]string, name string) {
	// vigil-ok: sql-injection
	fmt.Println("SELECT from " + name)
	// vigil-ok: sql-injection
	_ = fmt.Sprintf("SELECT * FROM users WHERE name = '%s'", name)
}
