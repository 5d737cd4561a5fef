require 'digest'
require 'minitest/autorun'

# A Minitest file by its require, whatever its name.
class LegacyTokenTest < Minitest::Test
  def test_digest
    # vigil-demoted: weak-hash
    token = Digest::SHA1.hexdigest('password')
    # vigil-ok: weak-hash
    assert_equal 40, token.length
  end
end
