class ReportsController < ApplicationController
  REPORTS = { "sales" => SalesReport, "stock" => StockReport }.freeze
  KINDS = %w[SalesReport StockReport].freeze

  def show
    # vigil-expect: unsafe-reflection
    report = params[:type].constantize.new(current_user)
    # vigil-expect: unsafe-reflection
    exporter = "#{params[:format].camelize}Exporter".safe_constantize
    # vigil-expect: unsafe-reflection
    klass = Object.const_get(params[:kind])
    # vigil-expect: unsafe-reflection
    result = report.send(params[:method])
    render json: [report, exporter, klass, result]
  end

  def show_safe
    # vigil-ok: unsafe-reflection
    report = REPORTS.fetch(params[:type]).new(current_user)
    kind = params[:kind]
    raise ActionController::BadRequest unless KINDS.include?(kind)
    # vigil-ok: unsafe-reflection
    klass = kind.constantize
    # vigil-ok: unsafe-reflection
    model = "#{controller_name.classify}".constantize
    # vigil-ok: unsafe-reflection
    value = report.send(:summary)
    render json: [report, klass, model, value]
  end
end
