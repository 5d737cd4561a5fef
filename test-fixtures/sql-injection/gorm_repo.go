package repo

import (
	"gorm.io/gorm"
	"github.com/jmoiron/sqlx"
)

type User struct{ Name string }

func Find(db *gorm.DB, name string) []User {
	var users []User
	// vigil-expect: sql-injection
	db.Where("name = '" + name + "'").Find(&users)
	return users
}

func FindSafe(db *gorm.DB, name string) []User {
	var users []User
	// vigil-ok: sql-injection
	db.Where("name = ?", name).Find(&users)
	return users
}

func Raw(db *gorm.DB, city string) []User {
	var users []User
	// vigil-expect: sql-injection
	db.Raw("SELECT * FROM users WHERE city = '" + city + "'").Scan(&users)
	return users
}

func Sqlx(db *sqlx.DB, email string) []User {
	var users []User
	// vigil-expect: sql-injection
	_ = db.Select(&users, "SELECT * FROM users WHERE email = '"+email+"'")
	return users
}

func SqlxSafe(db *sqlx.DB, email string) []User {
	var users []User
	// vigil-ok: sql-injection
	_ = db.Select(&users, "SELECT * FROM users WHERE email = ?", email)
	return users
}

func Ordered(db *gorm.DB, dir string) []User {
	var users []User
	// vigil-ok: sql-injection
	db.Order("name").Find(&users)
	return users
}
