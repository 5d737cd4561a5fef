require 'digest'

RSpec.describe 'tokens' do
  it 'matches the legacy digest' do
    # vigil-demoted: weak-hash
    token = Digest::MD5.hexdigest('password')
    # vigil-ok: weak-hash
    modern = Digest::SHA256.hexdigest('password')
    expect(token).not_to eq(modern)
  end
end
