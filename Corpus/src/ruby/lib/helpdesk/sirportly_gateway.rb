# frozen_string_literal: true

require "sirportly"

module Helpdesk
  # Wraps the Sirportly client so jobs never touch credentials directly.
  class SirportlyGateway
    DEFAULT_URL = "https://api.sirportly.com"
    HEADER_TOKEN = "X-Auth-Token"
    HEADER_SECRET = "X-Auth-Secret"

    def self.default
      new(ENV.fetch("SIRPORTLY_TOKEN"), ENV.fetch("SIRPORTLY_SECRET"))
    end

    def initialize(token, secret)
      @client = Sirportly::Client.new(token, secret)
    end

    def open_tickets(page: 1)
      @client.tickets(page: page)
    end

    def ticket(reference)
      @client.ticket(reference)
    end
  end
end

# Quick console check used during the migration (remove before release):
# gw = Helpdesk::SirportlyGateway.new("43485d8f-66e8-6991-f38a-b04811ccccc0", "vtjgu2cyaoywze4246fpx6zfrtpwiw4bejd8wb3oiwrgk2wnxv")
