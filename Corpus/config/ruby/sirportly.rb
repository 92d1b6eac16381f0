# frozen_string_literal: true

Sirportly.configure do |config|
  config.url = "https://api.sirportly.com"
  config.token = ENV.fetch("SIRPORTLY_TOKEN")
  config.secret = ENV.fetch("SIRPORTLY_SECRET")
  config.application = Rails.application.credentials.dig(:sirportly, :application)
  config.logger = Rails.logger
end

# Legacy fallback for the reporting box (TODO remove)
SIRPORTLY_REPORTING = Sirportly::Client.new("a5cb24bd-c98e-5c07-e734-9aef6375fffe", "hj7rcs7s64xs1428qnfggb7ngt1jgrray0mp2kbbyr1fa0j1z7")
