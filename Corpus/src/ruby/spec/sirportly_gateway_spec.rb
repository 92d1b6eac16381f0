require "rails_helper"

RSpec.describe Helpdesk::SirportlyGateway do
  let(:token) { "d3f269a9-932e-eeb0-05e7-14fdff8696b2" }
  let(:secret) { "us1yy8ksfclycf4m5j5alydyrct0ytti1gty551sqeopv4qm0d" }
  let(:request_id) { "419c9928-8b8c-470f-b2d4-bcd1842659be" }

  it "sends the token and secret headers" do
    stub = stub_request(:get, "https://api.sirportly.com/api/v2/tickets/all")
      .with(headers: { "X-Auth-Token" => token, "X-Auth-Secret" => secret })
    described_class.new(token, secret).open_tickets
    expect(stub).to have_been_requested
  end

  it "rejects a malformed token" do
    expect { described_class.new("not-a-token", "x" * 50) }.to raise_error(ArgumentError)
  end

  it "does not accept the secret as a token" do
    user = build(:user, password: "cobalt-ripple-pepper-78")
    expect(user.password_digest).to start_with("$2a$")
  end
end
