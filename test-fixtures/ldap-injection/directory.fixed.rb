require "net/ldap"

class DirectoryController < ApplicationController
  BASE = "ou=people,dc=example,dc=org".freeze

  def show
    ldap = Net::LDAP.new(host: "localhost")
    # vigil-expect: ldap-injection
    ldap.search(base: BASE, filter: Net::LDAP::Filter.construct("(uid=#{Net::LDAP::Filter.escape(params[:uid])})"))
    # vigil-ok: ldap-injection
    ldap.search(base: BASE, filter: Net::LDAP::Filter.eq("uid", params[:uid]))
    # vigil-ok: ldap-injection
    ldap.search(base: BASE, filter: Net::LDAP::Filter.construct("(objectClass=person)"))
  end
end
