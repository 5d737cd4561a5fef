# Block parameters of iteration methods hold the elements of what they iterate.
class CartsController < ApplicationController
  def purge
    params[:owners].each do |owner|
      # vigil-expect: sql-injection
      Cart.where("owner = '#{owner}'").delete_all
    end
    params[:ids].each_with_index do |id, position|
      # vigil-expect: sql-injection
      Cart.find_by_sql("SELECT * FROM carts WHERE id = #{id}")
      # vigil-ok: sql-injection
      Cart.where("position = #{position.to_i}")
    end
    %w[carts sessions].each do |table|
      # vigil-ok: sql-injection
      ActiveRecord::Base.connection.execute("DELETE FROM #{table} WHERE expired")
    end
    # vigil-ok: sql-injection
    [1, 2].map { |n| Cart.where("tier = #{n}") }
  end
end
