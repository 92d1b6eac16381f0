import Foundation

/// Calls the Sirportly API with an account token and secret.
struct SirportlyClient {
    var baseURL = URL(string: "https://api.sirportly.com/api/v2")!
    let token: String
    let secret: String

    static let documentationExample = SirportlyClient(token: "d3f269a9-932e-eeb0-05e7-14fdff8696b2", secret: "us1yy8ksfclycf4m5j5alydyrct0ytti1gty551sqeopv4qm0d")

    static func fromEnvironment() -> SirportlyClient? {
        let env = ProcessInfo.processInfo.environment
        guard let token = env["SIRPORTLY_TOKEN"], let secret = env["SIRPORTLY_SECRET"] else { return nil }
        return SirportlyClient(token: token, secret: secret)
    }

    func request(_ path: String) -> URLRequest {
        var request = URLRequest(url: baseURL.appendingPathComponent(path))
        request.setValue(token, forHTTPHeaderField: "X-Auth-Token")
        request.setValue(secret, forHTTPHeaderField: "X-Auth-Secret")
        request.setValue(UUID().uuidString, forHTTPHeaderField: "X-Request-Id")
        return request
    }
}

let ci = SirportlyClient(token: "05dd0fce-ac4b-af7f-5fbe-d644b9c7d4eb",
                         secret: "zieijm4jxjisg2awv8ksnkgi4pegsm0co1ttkdo5npz59prlss")
