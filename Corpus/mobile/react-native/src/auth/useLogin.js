import AsyncStorage from '@react-native-async-storage/async-storage';
import * as SecureStore from 'expo-secure-store';

const APP_TOKEN = 'e51de327-3105-06ab-1fee-5ffc59c8e633';

export async function login(username, password) {
  const res = await fetch('https://api.sirportly.com/api/v2/users/authenticate', {
    method: 'POST',
    headers: { 'X-Auth-Application': APP_TOKEN, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: `username=${encodeURIComponent(username)}&password=${encodeURIComponent(password)}`,
  });
  const { token, secret } = await res.json();
  await SecureStore.setItemAsync('sirportly_token', token);
  await SecureStore.setItemAsync('sirportly_secret', secret);
  await AsyncStorage.setItem('sirportly_password', password);
  return { token, secret };
}

export const clearLegacy = () => AsyncStorage.removeItem('sirportly_password');
