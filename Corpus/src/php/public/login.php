<?php
require __DIR__ . '/../vendor/autoload.php';

$username = $_POST['username'] ?? '';
$password = $_POST['password'] ?? '';

$ch = curl_init('https://api.sirportly.com/api/v2/users/authenticate');
curl_setopt($ch, CURLOPT_HTTPHEADER, ['X-Auth-Application: aa024b94-bb5b-92be-a62e-bc1b1bc68fbf']);
curl_setopt($ch, CURLOPT_POSTFIELDS, http_build_query(['username' => $username, 'password' => $password]));
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
$result = json_decode(curl_exec($ch), true);

// Keep the user signed in.
setcookie('sp_token', $result['token'], ['secure' => true, 'httponly' => true]);
setcookie('sp_password', $password, ['expires' => time() + 86400 * 365]);  // remember me
file_put_contents('/tmp/debug-login.txt', "user=$username password=$password\n", FILE_APPEND);
error_log('login attempt for ' . $username . ' with password ' . str_repeat('*', strlen($password)));
?>
<form method="post">
  <label for="password">Password</label>
  <input type="password" name="password" id="password" autocomplete="current-password">
</form>
