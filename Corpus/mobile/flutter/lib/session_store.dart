import 'package:flutter_secure_storage/flutter_secure_storage.dart';
import 'package:shared_preferences/shared_preferences.dart';

class SessionStore {
  final _secure = const FlutterSecureStorage();

  Future<void> remember(String username, String password, String token) async {
    final prefs = await SharedPreferences.getInstance();
    await prefs.setString('username', username);
    await prefs.setString('password', password);
    await _secure.write(key: 'sirportly_token', value: token);
    await _secure.write(key: 'password', value: password);
  }
}
