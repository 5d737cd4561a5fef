package store

import (
	"database/sql"
	"slices"
	"strconv"
)

var sorts = []string{"name", "price"}

func Sorted(db *sql.DB, sort string, page int) (*sql.Rows, error) {
	if !slices.Contains(sorts, sort) {
		return nil, nil
	}
	// vigil-ok: sql-injection
	return db.Query("SELECT * FROM items ORDER BY " + sort + " OFFSET " + strconv.Itoa(page*20))
}

func Unchecked(db *sql.DB, sort string) (*sql.Rows, error) {
	// vigil-expect: sql-injection
	return db.Query("SELECT * FROM items ORDER BY " + sort)
}
