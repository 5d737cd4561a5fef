class ItemsController < ApplicationController
  SORTS = %w[name price].freeze

  def index
    sort = params[:sort]
    raise ActionController::BadRequest unless SORTS.include?(sort)
    # vigil-ok: sql-injection
    @items = Item.order("#{sort} ASC")
  end

  def by_column
    column = params[:column]
    # vigil-ok: sql-injection
    @items = Item.order("#{Item.connection.quote_column_name(column)} ASC")
    # vigil-ok: sql-injection
    @items = Item.where("id > #{params[:min].to_i}")
    # vigil-expect: sql-injection
    @items = Item.order("#{column} ASC")
  end

  def by_columns
    columns = params[:columns]
    # Each name went through the quoting helper: the joined list holds only quoted identifiers.
    # vigil-ok: sql-injection
    @items = Item.order("#{columns.map { |c| Item.connection.quote_column_name(c) }.join(", ")} ASC")
    # vigil-expect: sql-injection
    @items = Item.order("#{columns.map { |c| c.strip }.join(", ")} ASC")
  end
end
