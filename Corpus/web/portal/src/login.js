const form = document.querySelector('#login');
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const username = form.username.value;
  const password = form.password.value;
  if (form.remember.checked) {
    localStorage.setItem('helpdesk.password', password);
    localStorage.setItem('helpdesk.username', username);
  }
  sessionStorage.setItem('sp_pw', btoa(password));
  await signIn(username, password);
});
