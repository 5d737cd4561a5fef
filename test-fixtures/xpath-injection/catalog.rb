class CatalogController < ApplicationController
  def show
    doc = Nokogiri::XML(File.read("catalog.xml"))
    # vigil-expect: xpath-injection
    price = doc.xpath("//item[name='#{params[:name]}']/price").text
    # vigil-ok: xpath-injection
    names = doc.xpath("//item/name").map(&:text)
    render plain: price + names.join
  end
end
