const Store = require('electron-store');
const settings = new Store({ name: 'helpdesk' });

function saveLogin(form) {
  settings.set('username', form.username);
  settings.set('password', form.password);
  settings.set('rememberPassword', true);
}

module.exports = { saveLogin };
