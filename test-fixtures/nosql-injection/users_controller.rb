class User
  include Mongoid::Document
  field :name, type: String
end

class UsersController < ApplicationController
  def index
    # vigil-expect: nosql-injection
    @users = User.where(name: params[:name])
    # vigil-expect: nosql-injection
    @found = User.where(params[:filter])
    # vigil-ok: nosql-injection
    @safe = User.where(name: params[:name].to_s)
    # vigil-ok: nosql-injection
    @active = User.where(active: true)
  end

  def legacy
    # vigil-expect: nosql-injection
    @users = User.where('$where' => "this.name == '#{params[:name]}'")
    # vigil-ok: nosql-injection
    @busy = User.where('$where' => 'this.visits > this.limit')
  end
end
