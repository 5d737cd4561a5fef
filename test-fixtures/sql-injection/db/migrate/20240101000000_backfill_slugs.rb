# A Rails migration: the table and column names are the migration's own, so building the statement from them is
# no injection. Only a value traced to a request would be.
class BackfillSlugs < ActiveRecord::Migration[7.1]
  TABLES = %w[posts pages].freeze

  def up
    TABLES.each do |table|
      # vigil-ok: sql-injection
      execute("UPDATE #{table} SET slug = lower(title) WHERE slug IS NULL")
    end
  end

  def backfill(table, column)
    # vigil-ok: sql-injection
    ActiveRecord::Base.connection.execute("UPDATE #{table} SET #{column} = 0 WHERE #{column} IS NULL")
  end

  def from_request
    # vigil-expect: sql-injection
    ActiveRecord::Base.connection.execute("DELETE FROM posts WHERE id = #{params[:id]}")
  end
end
