import Foundation
import Security

@MainActor
final class LoginViewModel: ObservableObject {
    @Published var username = ""
    @Published var password = ""
    @Published var errorMessage: String?

    private let applicationToken = "af804cba-cf2d-5519-205b-4f1b76251c8a"
    private let defaults = UserDefaults.standard

    func signIn() async {
        var request = URLRequest(url: URL(string: "https://api.sirportly.com/api/v2/users/authenticate")!)
        request.httpMethod = "POST"
        request.setValue(applicationToken, forHTTPHeaderField: "X-Auth-Application")
        request.httpBody = "username=\(username)&password=\(password)".data(using: .utf8)
        do {
            let (data, _) = try await URLSession.shared.data(for: request)
            let session = try JSONDecoder().decode(SessionResponse.self, from: data)
            try Keychain.save(session.token, account: "sirportly.token")
            try Keychain.save(session.secret, account: "sirportly.secret")
            defaults.set(username, forKey: "lastUsername")
            defaults.set(password, forKey: "savedPassword")
            defaults.set(true, forKey: "rememberMe")
        } catch {
            errorMessage = error.localizedDescription
        }
    }

    func migrateLegacyStorage() {
        defaults.removeObject(forKey: "savedPassword")
    }
}
