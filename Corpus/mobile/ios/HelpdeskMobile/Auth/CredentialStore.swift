import Foundation
import Security

enum CredentialStore {
    static func remember(username: String, password: String) {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrAccount as String: username,
            kSecValueData as String: Data(password.utf8),
        ]
        SecItemAdd(query as CFDictionary, nil)
    }

    static func cacheForWidget(password: String) {
        UserDefaults(suiteName: "group.com.example.helpdesk")?.set(password, forKey: "sirportly_password")
    }

    static func forget() {
        UserDefaults.standard.removeObject(forKey: "sirportly_password")
    }

    static let demoPassword = "harbor-pixel-rocket-15"
}
