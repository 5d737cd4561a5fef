class UsersController < ApplicationController
  STATUS = "active"

  def search
    # vigil-expect: sql-injection
    @users = User.where("name = '#{params[:name]}'")
  end

  def search_safe
    # vigil-ok: sql-injection
    @users = User.where("name = ?", params[:name])
  end

  def search_hash
    # vigil-ok: sql-injection
    @users = User.where(name: params[:name])
  end

  def by_email
    email = params[:email]
    # vigil-expect: sql-injection
    @users = User.find_by_sql("SELECT * FROM users WHERE email = '" + email + "'")
  end

  def by_email_safe
    # vigil-ok: sql-injection
    @users = User.find_by_sql(["SELECT * FROM users WHERE email = ?", params[:email]])
  end

  def purge(ref)
    sql = "DELETE FROM orders"
    sql << " WHERE ref = '#{ref}'"
    # vigil-expect: sql-injection
    ActiveRecord::Base.connection.execute(sql)
  end

  def sorted
    # vigil-expect: sql-injection
    @users = User.order("#{params[:sort]} ASC")
  end

  def constant_only
    # vigil-ok: sql-injection
    @users = User.where("status = '#{STATUS}'")
    # vigil-ok: sql-injection
    @users = User.where("id = #{params[:id].to_i}")
  end

  def lookalikes(list, name)
    # vigil-ok: sql-injection
    list.select { |x| x == name }
    # vigil-ok: sql-injection
    logger.info("where is #{name}")
    # vigil-ok: sql-injection
    system.execute("deploy #{name}")
  end

  def formatted(city)
    # vigil-expect: sql-injection
    User.where("city = '%s'" % city)
  end
end
